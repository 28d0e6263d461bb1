/**
 * `sales_refund_push.php` on the batched-operation engine: the `api_refund_list` it sends and the
 * call's counts (docs/PROTOCOL.md, "sales_refund_push"). No per-refund error format is known: a
 * refusal that lists refunds as trade_push's does is read the same way, any other refuses the call.
 */
import type { BatchedOperation } from '../../../core/batched/operation';
import { entryKeyBy, pushCounts, pushWords, refusalsListedBy } from '../../../core/batched/pushing';
import { checkRefund, type RefundRecord } from './refund';

export function refundPush(shopNo: string): BatchedOperation<RefundRecord> {
	return {
		script: 'sales_refund_push.php',
		batchParams: (records) => ({ api_refund_list: JSON.stringify(records.map((record) => record.refund)) }),
		mappings: [
			{ parameter: 'refund', field: 'refund' },
			{ parameter: 'refundLines', field: 'order_list' },
		],
		validate: (values) => checkRefund(shopNo, values.refund, values.order_list),
		identity: {
			field: 'refund_no',
			outputName: 'refundNo',
			of: (record) => record.refundNo,
			key: (record) => record.refundNo,
			duplicateError: (refundNo, firstItem) => `refund_no ${refundNo} already appears in item ${firstItem}: each refund is pushed once per run`,
		},
		sentFields: (record) => ({ refundNo: record.refundNo }),
		errorEntryKey: entryKeyBy('refund_no'),
		answerFields: pushCounts,
		refusedRecords: refusalsListedBy('refund_no'),
		words: pushWords,
	};
}
