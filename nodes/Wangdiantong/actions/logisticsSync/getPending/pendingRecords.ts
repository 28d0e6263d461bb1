/**
 * Reading a `logistics_sync_query.php` answer: the records waiting to be synced
 * (docs/PROTOCOL.md, "logistics_sync_query").
 */
import type { Interpretation } from '../../../core/call';
import { unreadableAnswer } from '../../../core/failure';
import { recIdInAnswer } from '../../../core/recId';

export type PendingRecord = Record<string, unknown> & { rec_id: string };

/**
 * The `trades` list, each record as the ERP sent it except that `rec_id` is always a string of
 * digits (big ids already arrive as strings from the lossless parser). A record without a usable
 * rec_id could never be acknowledged, so the answer is refused rather than passed on half-usable.
 */
export function readPendingRecords(data: Record<string, unknown>): Interpretation<PendingRecord[]> {
	const { trades } = data;
	if (trades === undefined || trades === null || trades === '') return { ok: true, value: [] };
	// A query changes nothing at the gateway: nothing can have been processed.
	const unreadable = (message: string): Interpretation<PendingRecord[]> => ({
		ok: false,
		failure: unreadableAnswer(message, false),
	});
	if (!Array.isArray(trades)) return unreadable('The gateway answered code 0 with a `trades` field that is not a list');
	const records: PendingRecord[] = [];
	for (const trade of trades) {
		const recId =
			trade && typeof trade === 'object' ? recIdInAnswer((trade as Record<string, unknown>).rec_id, { positive: true }) : undefined;
		if (recId === undefined) return unreadable('The gateway returned a pending record without a usable rec_id');
		records.push({ ...(trade as Record<string, unknown>), rec_id: recId });
	}
	return { ok: true, value: records };
}
