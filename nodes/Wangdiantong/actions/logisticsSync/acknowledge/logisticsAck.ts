/**
 * `logistics_sync_ack.php` on the batched-operation engine: the `logistics_list` it sends, the
 * record it validates, and the one per-record error that means "done already"
 * (docs/PROTOCOL.md, "logistics_sync_ack"; ids travel as text: "Big ids").
 */
import { acknowledgeWords, recIdEntryKey, recIdIdentity } from '../../../core/batched/acknowledging';
import type { BatchedOperation } from '../../../core/batched/operation';
import { validateAckRecord, type AckRecord } from './record';

/**
 * The `logistics_list` text. `rec_id` travels as a JSON string so the gateway's PHP never reads an
 * id beyond 2^53 as a float; `JSON.stringify` leaves Chinese and emoji unescaped, like the
 * vendor's `JSON_UNESCAPED_UNICODE`.
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

/**
 * `非待同步状态,不可更新` ("not waiting to be synced, cannot update"): the record is no longer
 * pending. Per-record errors carry no code, so the text is the only signal there is.
 */
export function isNotPendingError(error: string): boolean {
	return error.includes('非待同步状态');
}

export const logisticsAck: BatchedOperation<AckRecord> = {
	script: 'logistics_sync_ack.php',
	batchParams: (records) => ({ logistics_list: logisticsListJson(records) }),
	mappings: [
		{ parameter: 'recId', field: 'rec_id' },
		{ parameter: 'status', field: 'status' },
		{ parameter: 'message', field: 'message' },
	],
	validate: (values) => validateAckRecord(values.rec_id, values.status, values.message),
	identity: recIdIdentity,
	sentFields: (record) => {
		const fields: Record<string, unknown> = { recId: record.recId, status: record.status };
		if (record.message !== undefined) fields.message = record.message;
		if (record.messageTruncated) fields.messageTruncated = true;
		return fields;
	},
	errorEntryKey: recIdEntryKey,
	isAlreadyDone: isNotPendingError,
	words: acknowledgeWords('Get Pending'),
};
