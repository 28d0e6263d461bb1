/**
 * Serialising a batch for `logistics_list`, and reading the gateway's per-record `errors`.
 */
import type { GatewayFailure } from '../failure';
import { recIdKey, type AckRecord } from './record';

/** Batches larger than this time out at the gateway (PROTOCOL.md); the vendor suggests 50. */
export const MAX_BATCH_SIZE = 100;
export const DEFAULT_BATCH_SIZE = 50;

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

function idText(value: unknown): string | undefined {
	if (typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value)) return recIdKey(value.trim());
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	return undefined;
}

/**
 * The `errors` of a `code` 0 answer, keyed by rec_id. Absent, null or empty means every record was
 * accepted. An `errors` that is not a list cannot be mapped to records: it is reported as an
 * unreadable answer rather than guessed at. Entries without a usable rec_id, or for ids not in the
 * batch, are ignored by the caller's lookup; for a duplicated id the first error is kept.
 */
export function readPerRecordErrors(data: Record<string, unknown>): PerRecordErrors {
	const { errors } = data;
	const map = new Map<string, string>();
	if (errors === undefined || errors === null || errors === '') return { ok: true, errors: map };
	if (!Array.isArray(errors)) {
		return {
			ok: false,
			failure: {
				kind: 'unreadable_body',
				message: 'The gateway answered code 0 with an `errors` field that is not a list',
				retryable: true,
				rateLimited: false,
				credentialsRejected: false,
				mayHaveBeenProcessed: true,
			},
		};
	}
	for (const entry of errors) {
		if (!entry || typeof entry !== 'object') continue;
		const { rec_id: recId, error } = entry as Record<string, unknown>;
		const key = idText(recId);
		if (key === undefined || map.has(key)) continue;
		map.set(key, typeof error === 'string' && error !== '' ? error : 'The ERP rejected this record without a reason');
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
