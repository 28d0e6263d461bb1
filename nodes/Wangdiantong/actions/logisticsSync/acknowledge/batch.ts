/**
 * Serialising a batch for `logistics_list`, and reading the gateway's per-record `errors`.
 * (docs/PROTOCOL.md, "logistics_sync_ack"; ids travel as text: "Big ids")
 */
import { unreadableAnswer, type GatewayFailure } from '../../../core/failure';
import { recIdInAnswer, recIdKey } from '../../../core/recId';
import { redactSigns } from '../../../core/redact';
import type { AckRecord } from './record';

/**
 * The `logistics_list` text, serialised once: it is signed and sent unchanged. `rec_id` travels as
 * a JSON string so the gateway's PHP never reads an id beyond 2^53 as a float; `JSON.stringify`
 * leaves Chinese and emoji unescaped, like the vendor's `JSON_UNESCAPED_UNICODE`.
 */
export function logisticsListJson(records: readonly AckRecord[]): string {
	return JSON.stringify(
		records.map((r) =>
			r.message === undefined
				? { rec_id: r.recId, status: r.status }
				: { rec_id: r.recId, status: r.status, message: r.message },
		),
	);
}

export type PerRecordErrors =
	| { ok: true; errors: Map<string, string> }
	| { ok: false; failure: GatewayFailure };

function unreadableErrors(message: string): PerRecordErrors {
	// The batch was answered, so the gateway may well have applied it.
	return { ok: false, failure: unreadableAnswer(message, true) };
}

/**
 * The `errors` of a `code` 0 answer, keyed by rec_id. Absent, null or empty means every record was
 * accepted. An `errors` that is not a list, or an entry without a rec_id, cannot be mapped to
 * records: guessing would call a refused record acknowledged, so the answer is reported unreadable
 * instead (and retried: the retry reads "already done" correctly). Entries for ids not in the
 * batch, or that are no record id at all, change nothing; for a duplicated id the first error is
 * kept.
 */
export function readPerRecordErrors(data: Record<string, unknown>): PerRecordErrors {
	const { errors } = data;
	const map = new Map<string, string>();
	if (errors === undefined || errors === null || errors === '') return { ok: true, errors: map };
	if (!Array.isArray(errors)) {
		return unreadableErrors('The gateway answered code 0 with an `errors` field that is not a list');
	}
	for (const entry of errors) {
		const { rec_id: recId, error } = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
		if (recId === undefined || recId === null || recId === '') {
			return unreadableErrors('The gateway answered code 0 with an error it did not tie to a record (no rec_id)');
		}
		const id = recIdInAnswer(recId, { positive: false });
		const key = id === undefined ? undefined : recIdKey(id);
		// An id that is not a record id at all ("abc", -3) names none of ours: nothing to map.
		if (key === undefined || map.has(key)) continue;
		map.set(key, typeof error === 'string' && error !== '' ? redactSigns(error) : 'The ERP rejected this record without a reason');
	}
	return { ok: true, errors: map };
}

/**
 * `非待同步状态,不可更新` ("not waiting to be synced, cannot update"): the record is no longer
 * pending. Per-record errors carry no code, so the text is the only signal there is.
 */
export function isNotPendingError(error: string): boolean {
	return error.includes('非待同步状态');
}
