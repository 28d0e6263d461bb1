/**
 * Stock Sync → Get Changes: the stock changes waiting to be set on the shop platform
 * (`api_goods_stock_change_query.php`), one output item per change, each once per execution
 * (actions/pendingQuery/execute.ts says why).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, requestTimeoutOption } from '../../common.descriptions';
import { shopAndMaxRecords } from '../../common.shop';
import { executePendingQuery, type PendingQuery } from '../../pendingQuery/execute';

const showFor = { show: { resource: ['stockSync'], operation: ['getChanges'] } };

export const description: INodeProperties[] = [
	{
		// At most two lines in n8n 1.x's panel, the narrowest (npm run test:ui counts them): every word counts.
		displayName:
			'The ERP does not page: acknowledge what was applied, then fetch again. Each comes once per execution.',
		name: 'getChangesNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor,
	},
	...shopAndMaxRecords(showFor, 'stock changes'),
	optionsCollection(showFor, [requestTimeoutOption('How long to wait for the ERP’s answer before retrying')]),
];

const stockChanges: PendingQuery = {
	script: 'api_goods_stock_change_query.php',
	listField: 'stock_change_list',
	name: 'Get Changes',
	memoryKey: 'returnedChanges',
	// A change is a record at one count: when the stock changes again during the run, the ERP
	// offers the record with a new count, and that newer stock must reach the platform too.
	keyOf: (change) => `${change.rec_id}:${String(change.stock_change_count)}`,
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executePendingQuery(this, stockChanges);
}
