/**
 * `trade_push.php` on the batched-operation engine: `shop_no` and the `trade_list` it sends, the
 * call's counts, and the per-order refusals its `message` can list (docs/PROTOCOL.md, "trade_push").
 */
import type { BatchedOperation } from '../../../core/batched/operation';
import { pushedById, type PushRecord } from '../../../core/batched/pushing';
import { checkOrder } from './order';

/** The operation for one shop: `shop_no` goes with every call. */
export function tradePush(shopNo: string): BatchedOperation<PushRecord> {
	return {
		script: 'trade_push.php',
		// Serialised once per call; Chinese and emoji unescaped, like the vendor's JSON_UNESCAPED_UNICODE.
		batchParams: (records) => ({ shop_no: shopNo, trade_list: JSON.stringify(records.map((record) => record.body)) }),
		mappings: [
			{ parameter: 'trade', field: 'order' },
			{ parameter: 'orderLines', field: 'order_list' },
		],
		validate: (values) => checkOrder(values.order, values.order_list),
		...pushedById('tid', 'tid', 'order'),
	};
}
