/**
 * What the acknowledging scripts share (logistics_sync_ack, api_goods_stock_change_ack): records
 * named by `rec_id`, per-record errors keyed by it, and the words "acknowledged" / "pending"
 * (docs/PROTOCOL.md, "logistics_sync_ack" and "Stock sync").
 */
import { recIdInAnswer, recIdKey } from '../recId';
import type { BatchedOperation, EntryKey, OperationWords } from './operation';

export const recIdIdentity: BatchedOperation<{ recId: string }>['identity'] = {
	field: 'rec_id',
	outputName: 'recId',
	of: (record) => record.recId,
	key: (record) => recIdKey(record.recId),
	duplicateError: (id, firstItem) => `rec_id ${id} already appears in item ${firstItem}: each record is acknowledged once per run`,
};

/** An entry of `errors`: its rec_id as a string of digits or a number (the gateway writes either). */
export function recIdEntryKey(entry: Record<string, unknown>): EntryKey {
	const { rec_id: recId } = entry;
	if (recId === undefined || recId === null || recId === '') return { kind: 'missing' };
	const id = recIdInAnswer(recId, { positive: false });
	return id === undefined ? { kind: 'foreign' } : { kind: 'key', key: recIdKey(id) };
}

/** `query`: the operation that fetches what is still pending ("Get Pending", "Get Changes"). */
export function acknowledgeWords(query: string): OperationWords {
	return {
		outputKey: 'wdtAck',
		doneFlag: 'acknowledged',
		possiblyDoneFlag: 'possiblyAcknowledged',
		verb: 'acknowledge',
		done: 'Acknowledged',
		notDone: 'Not acknowledged',
		possiblyDone: 'Possibly acknowledged',
		notDoneMeans: `still pending at the ERP: the next ${query} returns them`,
		mayBeDone: 'the record may be acknowledged already',
	};
}
