/**
 * Refund → Push: the shop's refunds and returns into the ERP (`sales_refund_push.php`), one input
 * item per refund, checked, then sent in signed batches of at most 10; Pushed and Failed outputs.
 */
import { REFUND_BATCH_SIZE_MAX } from '../../../core/limits';
import { pushOperation } from '../../batched/pushOperation';
import { refundPush } from './refundPush';

export const { description, execute } = pushOperation({
	resource: 'refund',
	limit: REFUND_BATCH_SIZE_MAX,
	records: 'refunds',
	notice: 'One item is one refund or return of an order already pushed. Pushing a refund_no again updates it.',
	shopNote: 'The shop must be a self-built one (自有平台) in the ERP; the node sends platform_id 127 and this code with every refund',
	record: {
		name: 'refund',
		displayName: 'Refund',
		fieldsMethod: 'getRefundFields',
		description: 'The refund’s fields under the ERP’s names (tid, refund_no, type, status, refund_time, …). "Map Automatically" sends the item’s JSON as the refund; fields the node does not know pass through untouched.',
	},
	lines: {
		name: 'refundLines',
		displayName: 'Refund Lines',
		description: 'The order lines refunded (order_list): a list with one object per line, each with the oid it was pushed with and the quantity (num)',
	},
	fieldNames: ['refund', 'order_list'],
	operationFor: refundPush,
});
