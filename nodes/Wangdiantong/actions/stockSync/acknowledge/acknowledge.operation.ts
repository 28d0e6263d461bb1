/**
 * Stock Sync → Acknowledge: tell the ERP which stock changes the shop platform applied
 * (`api_goods_stock_change_ack.php`) in signed batches. Changes the ERP accepted leave on output 0
 * (Acknowledged), all others on output 1 (Failed) with the reason — or, with On Error = Stop, a
 * failed batch stops the node with an error that says what was and was not acknowledged.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_SIZE_MAX, QUERY_LIMIT_MAX } from '../../../core/limits';
import { executeBatched } from '../../batched/execute';
import { batchOptions } from '../../batched/options';
import { recordIdField } from '../../common.descriptions';
import { stockAck } from './stockAck';

const showFor = { show: { resource: ['stockSync'], operation: ['acknowledge'] } };

const batchSize = {
	max: BATCH_SIZE_MAX,
	default: BATCH_SIZE_MAX,
	why: `Get Changes returns at most ${QUERY_LIMIT_MAX} changes a call: the default acknowledges them in one call`,
};

export const description: INodeProperties[] = [
	{
		// At most two lines in n8n 1.x's panel, the narrowest (npm run test:ui counts them): every word counts.
		displayName:
			'Acknowledge only changes the platform applied: the ERP does not offer an acknowledged change again.',
		name: 'stockAcknowledgeNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor,
	},
	recordIdField(showFor, 'Get Changes (api_goods_stock_change_query)'),
	{
		displayName: 'Synced Stock',
		name: 'syncStock',
		type: 'string',
		default: '={{ $json.sync_stock }}',
		required: true,
		displayOptions: showFor,
		description: 'The sync_stock that Get Changes returned, sent back exactly as it came (the stock the platform now shows)',
	},
	{
		displayName: 'Stock Change Count',
		name: 'stockChangeCount',
		type: 'string',
		default: '={{ $json.stock_change_count }}',
		required: true,
		displayOptions: showFor,
		description: 'The stock_change_count that Get Changes returned, sent back exactly as it came. If the stock changed again since, the ERP keeps the change pending and the next Get Changes returns it with the new count.',
	},
	batchOptions({ displayOptions: showFor, batchSize, fieldNames: ['rec_id', 'sync_stock', 'stock_change_count'] }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeBatched(this, stockAck, batchSize);
}
