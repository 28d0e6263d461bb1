/**
 * Logistics Sync → Get Pending: the records waiting to be synced to the shop platform
 * (`logistics_sync_query.php`), one output item per record, each once per execution
 * (actions/pendingQuery/execute.ts says why).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, requestTimeoutOption } from '../../common.descriptions';
import { shopAndMaxRecords } from '../../common.shop';
import { executePendingQuery, type PendingQuery } from '../../pendingQuery/execute';

const showFor = { show: { resource: ['logisticsSync'], operation: ['getPending'] } };

export const description: INodeProperties[] = [
	{
		displayName:
			'The ERP does not page: acknowledge what you fetched, then fetch again. Each record comes once per execution.',
		name: 'getPendingNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor,
	},
	...shopAndMaxRecords(showFor, 'pending records'),
	optionsCollection(showFor, [
		{
			displayName: 'Split-Shipment Sync',
			name: 'partSyncAble',
			type: 'boolean',
			default: false,
			description: 'Whether to include records of partly shipped orders (is_part_sync_able). Only for sellers with split-shipment sync enabled in the ERP.',
		},
		requestTimeoutOption('How long to wait for the ERP’s answer before retrying'),
	]),
];

const pendingLogistics: PendingQuery = {
	script: 'logistics_sync_query.php',
	listField: 'trades',
	name: 'Get Pending',
	memoryKey: 'returnedRecIds',
	keyOf: (record) => record.rec_id,
	// Sent only when switched on: the flag is for split-shipment sellers alone.
	extraParams: (options) => ({ is_part_sync_able: options.partSyncAble ? '1' : undefined }),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executePendingQuery(this, pendingLogistics);
}
