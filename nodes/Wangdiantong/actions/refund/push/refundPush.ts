/**
 * `sales_refund_push.php` on the batched-operation engine: the `api_refund_list` it sends and the
 * call's counts (docs/PROTOCOL.md, "sales_refund_push"). No per-refund error format is known: a
 * refusal that lists refunds as trade_push's does is read the same way, any other refuses the call.
 */
import type { BatchedOperation } from '../../../core/batched/operation';
import { pushedById, type PushRecord } from '../../../core/batched/pushing';
import { checkRefund } from './refund';

export function refundPush(shopNo: string): BatchedOperation<PushRecord> {
	return {
		script: 'sales_refund_push.php',
		batchParams: (records) => ({ api_refund_list: JSON.stringify(records.map((record) => record.body)) }),
		mappings: [
			{ parameter: 'refund', field: 'refund' },
			{ parameter: 'refundLines', field: 'order_list' },
		],
		validate: (values) => checkRefund(shopNo, values.refund, values.order_list),
		...pushedById('refund_no', 'refundNo', 'refund'),
	};
}
