/**
 * The Acknowledge operation's Options collection, and reading it into the core's settings.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	BATCH_SIZE_DEFAULT,
	BATCH_SIZE_MAX,
	clampInteger,
	CONCURRENCY_DEFAULT,
	CONCURRENCY_MAX,
	WAIT_MS_MAX,
} from '../../../core/limits';
import { byDisplayName, readCallSettings, requestTimeoutOption, retryOptions, type CallOptionValues } from '../../common.descriptions';
import type { CallSettings } from '../../../transport';

export const acknowledgeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	displayOptions: { show: { resource: ['logisticsSync'], operation: ['acknowledge'] } },
	options: byDisplayName([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: BATCH_SIZE_MAX },
			default: BATCH_SIZE_DEFAULT,
			description: `Records per signed request (1–${BATCH_SIZE_MAX}). The ERP times out on large batches; ${BATCH_SIZE_DEFAULT} is the vendor’s advice.`,
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: CONCURRENCY_MAX },
			default: CONCURRENCY_DEFAULT,
			description: 'Batches sent at the same time',
			hint: 'Above 1, batches may reach the ERP out of order, and the ERP rate-limits each appkey (about 60 calls a minute). Raise with care.',
		},
		{
			displayName: 'Invalid Items',
			name: 'invalidItems',
			type: 'options',
			options: [
				{
					name: 'Send to Failed Output',
					value: 'failedOutput',
					description: 'Items without a usable rec_id, status or message leave on Failed with the reason',
				},
				{
					name: 'Stop the Workflow',
					value: 'stop',
					description: 'Fail before anything is sent, naming the first invalid item',
				},
			],
			default: 'failedOutput',
		},
		{
			displayName: 'Pause Between Batches',
			name: 'pauseBetweenBatches',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Milliseconds to wait after each batch, to stay under the ERP’s rate limit on large runs',
		},
		requestTimeoutOption('How long to wait for the ERP’s answer to one batch before retrying it'),
		...retryOptions('batch'),
	]),
};

export interface AcknowledgeSettings extends CallSettings {
	batchSize: number;
	concurrency: number;
	pauseBetweenBatchesMs: number;
	stopOnInvalidItem: boolean;
}

interface RawOptions extends CallOptionValues {
	batchSize?: number;
	concurrency?: number;
	invalidItems?: string;
	pauseBetweenBatches?: number;
}

export function readAcknowledgeSettings(context: IExecuteFunctions): AcknowledgeSettings {
	const options = context.getNodeParameter('options', 0, {}) as RawOptions;
	return {
		...readCallSettings(options),
		batchSize: clampInteger(options.batchSize, BATCH_SIZE_DEFAULT, 1, BATCH_SIZE_MAX),
		concurrency: clampInteger(options.concurrency, CONCURRENCY_DEFAULT, 1, CONCURRENCY_MAX),
		pauseBetweenBatchesMs: clampInteger(options.pauseBetweenBatches, 0, 0, WAIT_MS_MAX),
		stopOnInvalidItem: options.invalidItems === 'stop',
	};
}
