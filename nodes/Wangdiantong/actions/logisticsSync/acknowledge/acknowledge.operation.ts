/**
 * Logistics Sync → Acknowledge: report each record's platform-sync outcome back to the ERP
 * (`logistics_sync_ack.php`) in signed batches. Records the ERP accepted leave on output 0
 * (Acknowledged), all others on output 1 (Failed) with the reason — or, with On Error = Stop, a
 * failed batch stops the node with an error that says what was and was not acknowledged.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { BATCH_SIZE_DEFAULT, BATCH_SIZE_MAX, MESSAGE_MAX_CODE_POINTS } from '../../../core/limits';
import { executeBatched } from '../../batched/execute';
import { batchOptions } from '../../batched/options';
import { recordIdField } from '../../common.descriptions';
import { logisticsAck } from './logisticsAck';

const showFor = { show: { resource: ['logisticsSync'], operation: ['acknowledge'] } };

const batchSize = {
	max: BATCH_SIZE_MAX,
	default: BATCH_SIZE_DEFAULT,
	why: `The ERP times out on large batches; ${BATCH_SIZE_DEFAULT} is the vendor’s advice`,
};

export const description: INodeProperties[] = [
	recordIdField(showFor, 'Get Pending (logistics_sync_query)'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		default: '={{ $json.status }}',
		required: true,
		displayOptions: showFor,
		// In the description, not a hint: n8n hides a hint while the field holds an expression,
		// which this one does by default.
		description: 'Whether the tracking number reached the shop platform: 0 (or true, "success", "成功") for synced, 1 (or false, "failure", "失败") for failed. A record reported with status 1 leaves on Acknowledged too (the ERP accepted the report); Failed holds only what the ERP did not accept.',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '={{ $json.message }}',
		displayOptions: showFor,
		description: `Optional note ERP users see in the 物流同步 screen, such as the platform’s error. Cut to ${MESSAGE_MAX_CODE_POINTS} characters.`,
	},
	batchOptions({ displayOptions: showFor, batchSize, fieldNames: ['rec_id', 'status', 'message'] }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeBatched(this, logisticsAck, batchSize);
}
