/**
 * Trade → Push: the shop's orders into the ERP (`trade_push.php`), one input item per order,
 * checked, then sent in signed batches of at most 50. Orders the ERP took leave on output 0
 * (Pushed) with the call's counts; all others on output 1 (Failed) with the reason — or, with On
 * Error = Stop, a batch refused as a whole stops the node with an error that says what was and
 * was not pushed.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { TRADE_BATCH_SIZE_MAX } from '../../../core/limits';
import { executeBatched } from '../../batched/execute';
import { batchOptions } from '../../batched/options';
import { shopCodeField } from '../../common.shop';
import { tradePush } from './tradePush';

const showFor = { show: { resource: ['trade'], operation: ['push'] } };

const batchSize = {
	max: TRADE_BATCH_SIZE_MAX,
	default: TRADE_BATCH_SIZE_MAX,
	why: `The ERP takes at most ${TRADE_BATCH_SIZE_MAX} orders a call`,
};

export const description: INodeProperties[] = [
	{
		displayName:
			'One item is one order. Pushing a tid again updates that order in the ERP, so a run can safely be repeated.',
		name: 'tradePushNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor,
	},
	shopCodeField(showFor, 'The shop must be a self-built one (自有平台, platform 127) in the ERP. Every order of the run goes to this shop'),
	{
		displayName: 'Order',
		name: 'trade',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'autoMapInputData', value: null },
		required: true,
		displayOptions: showFor,
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getOrderFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		description: 'The order’s fields under the ERP’s names (tid, trade_status, paid, …). "Map Automatically" sends the item’s JSON as the order; fields the node does not know pass through untouched.',
	},
	{
		displayName: 'Order Lines',
		name: 'orderLines',
		type: 'string',
		default: '={{ $json.order_list }}',
		displayOptions: showFor,
		description: 'The order’s lines (order_list): a list with one object per line (oid, num, price, status, refund_status, goods_id, goods_name, goods_no or spec_no, adjust_amount, discount, share_discount)',
	},
	batchOptions({ displayOptions: showFor, batchSize, fieldNames: ['order', 'order_list'] }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// One shop per run: its code is read once, with the run's options.
	const shopNo = String(this.getNodeParameter('shopNo', 0, '')).trim();
	if (shopNo === '') {
		throw new NodeOperationError(this.getNode(), 'Shop Code is empty: enter the shop’s code (店铺编号) as it appears in the ERP', {
			description: 'Nothing was sent.',
		});
	}
	return await executeBatched(this, tradePush(shopNo), batchSize);
}
