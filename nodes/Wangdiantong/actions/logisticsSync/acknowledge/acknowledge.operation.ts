/**
 * Logistics Sync → Acknowledge: report each record's platform-sync outcome back to the ERP
 * (`logistics_sync_ack.php`) in signed batches. Records the ERP accepted leave on output 0
 * (Acknowledged), all others on output 1 (Failed) with the reason — or, with On Error = Stop, a
 * failed batch stops the node with an error that says what was and was not acknowledged.
 */
import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { MESSAGE_MAX_CODE_POINTS } from '../../../core/limits';
import { apiCaller, executionClock } from '../../../transport';
import { keepMessage } from '../../../transport/nodeError';
import { readMappings } from './items';
import { acknowledgeOptions, readAcknowledgeSettings } from './options';
import { forAgent, routeItems } from './outputs';
import { planAcknowledgement } from './plan';
import { acknowledgeInBatches } from './run';
import { batchFailureError } from './stopError';

const showFor = { show: { resource: ['logisticsSync'], operation: ['acknowledge'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recId',
		type: 'string',
		default: '={{ $json.rec_id }}',
		required: true,
		displayOptions: showFor,
		description: 'The rec_id that Get Pending (logistics_sync_query) returned for this record. Keep it as text: IDs can exceed what a JavaScript number holds exactly.',
	},
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
	acknowledgeOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = readAcknowledgeSettings(this);
	const plan = planAcknowledgement(readMappings(this, items));

	if (settings.stopOnInvalidItem && plan.invalid.length > 0) {
		const [first] = plan.invalid;
		const message = `Item ${first.itemIndex}: ${first.error}`;
		const error = new NodeOperationError(this.getNode(), message, {
			itemIndex: first.itemIndex,
			description: `${plan.invalid.length} item(s) are invalid; nothing was sent. Fix the mapping, or set Options → Invalid Items to "Send to Failed Output".`,
		});
		throw keepMessage(error, message);
	}

	const run = await acknowledgeInBatches({
		records: plan.records.map((planned) => planned.record),
		batchSize: settings.batchSize,
		concurrency: settings.concurrency,
		pauseBetweenBatchesMs: settings.pauseBetweenBatchesMs,
		stopOnBatchFailure: !this.continueOnFail(),
		call: apiCaller(this)(settings),
		...executionClock(this),
	});

	if (run.stoppedBy) {
		throw batchFailureError(this.getNode(), run.stoppedBy, plan.records, run.outcomes, plan.invalid.length);
	}

	const routed = routeItems(items, plan, run.outcomes);
	if (this.getNode().type.endsWith('Tool')) return [forAgent(routed), []];
	return [routed.acknowledged, routed.failed];
}
