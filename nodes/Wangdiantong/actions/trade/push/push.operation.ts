/**
 * Trade → Push: the shop's orders into the ERP (`trade_push.php`), one input item per order,
 * checked, then sent in signed batches of at most 50. Orders the ERP took leave on output 0
 * (Pushed) with the call's counts; all others on output 1 (Failed) with the reason — or, with On
 * Error = Stop, a batch refused as a whole stops the node with an error that says what was and
 * was not pushed.
 */
import { TRADE_BATCH_SIZE_MAX } from '../../../core/limits';
import { pushOperation } from '../../batched/pushOperation';
import { tradePush } from './tradePush';

export const { description, execute } = pushOperation({
	resource: 'trade',
	limit: TRADE_BATCH_SIZE_MAX,
	records: 'orders',
	notice: 'One item is one order. Pushing a tid again updates that order in the ERP, so a run can safely be repeated.',
	shopNote: 'The shop must be a self-built one (自有平台, platform 127) in the ERP. Every order of the run goes to this shop',
	record: {
		name: 'trade',
		displayName: 'Order',
		fieldsMethod: 'getOrderFields',
		description: 'The order’s fields under the ERP’s names (tid, trade_status, paid, …). "Map Automatically" sends the item’s JSON as the order; fields the node does not know pass through untouched.',
	},
	lines: {
		name: 'orderLines',
		displayName: 'Order Lines',
		description: 'The order’s lines (order_list): a list with one object per line (oid, num, price, status, refund_status, goods_id, goods_name, goods_no or spec_no, adjust_amount, discount, share_discount)',
	},
	fieldNames: ['order', 'order_list'],
	operationFor: tradePush,
});
