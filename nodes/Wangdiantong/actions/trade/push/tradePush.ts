/**
 * `trade_push.php` on the batched-operation engine: `shop_no` and the `trade_list` it sends, the
 * call's counts, and the per-order refusals its `message` can list (docs/PROTOCOL.md, "trade_push").
 */
import type { BatchedOperation } from '../../../core/batched/operation';
import { entryKeyBy, pushCounts, pushWords, refusalsListedBy } from '../../../core/batched/pushing';
import { checkOrder, type TradeRecord } from './order';

/** The operation for one shop: `shop_no` goes with every call. */
export function tradePush(shopNo: string): BatchedOperation<TradeRecord> {
	return {
		script: 'trade_push.php',
		// Serialised once per call; Chinese and emoji unescaped, like the vendor's JSON_UNESCAPED_UNICODE.
		batchParams: (records) => ({ shop_no: shopNo, trade_list: JSON.stringify(records.map((record) => record.trade)) }),
		mappings: [
			{ parameter: 'trade', field: 'order' },
			{ parameter: 'orderLines', field: 'order_list' },
		],
		validate: (values) => checkOrder(values.order, values.order_list),
		identity: {
			field: 'tid',
			outputName: 'tid',
			of: (record) => record.tid,
			key: (record) => record.tid,
			duplicateError: (tid, firstItem) => `tid ${tid} already appears in item ${firstItem}: each order is pushed once per run`,
		},
		sentFields: (record) => ({ tid: record.tid }),
		errorEntryKey: entryKeyBy('tid'),
		answerFields: pushCounts,
		refusedRecords: refusalsListedBy('tid'),
		words: pushWords,
	};
}
