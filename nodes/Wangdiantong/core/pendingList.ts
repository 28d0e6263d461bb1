/**
 * Reading the answer of a query for what waits to be synced: `trades` of logistics_sync_query,
 * `stock_change_list` of api_goods_stock_change_query (docs/PROTOCOL.md, "logistics_sync_query"
 * and "Stock sync").
 */
import type { AnswerReader, Interpretation } from './call';
import { unreadableAnswer } from './failure';
import { recIdInAnswer } from './recId';

export type PendingRecord = Record<string, unknown> & { rec_id: string };

/**
 * The list in `field`, each record as the ERP sent it except that `rec_id` is always a string of
 * digits (big ids already arrive as strings from the lossless parser). A record without a usable
 * rec_id could never be acknowledged, so the answer is refused rather than passed on half-usable.
 */
export function pendingListReader(field: string): AnswerReader<PendingRecord[]> {
	return (data) => {
		const list = data[field];
		if (list === undefined || list === null || list === '') return { ok: true, value: [] };
		// A query changes nothing at the gateway: nothing can have been processed.
		const unreadable = (message: string): Interpretation<PendingRecord[]> => ({
			ok: false,
			failure: unreadableAnswer(message, false),
		});
		if (!Array.isArray(list)) return unreadable(`The gateway answered code 0 with a \`${field}\` field that is not a list`);
		const records: PendingRecord[] = [];
		for (const entry of list) {
			const recId =
				entry && typeof entry === 'object' ? recIdInAnswer((entry as Record<string, unknown>).rec_id, { positive: true }) : undefined;
			if (recId === undefined) return unreadable('The gateway returned a pending record without a usable rec_id');
			records.push({ ...(entry as Record<string, unknown>), rec_id: recId });
		}
		return { ok: true, value: records };
	};
}
