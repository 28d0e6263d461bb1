/**
 * The Options collection every batched operation offers, and reading it into the engine's settings.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clampInteger, CONCURRENCY_DEFAULT, CONCURRENCY_MAX, WAIT_MS_MAX } from '../../core/limits';
import type { CallSettings } from '../../transport';
import { optionsCollection, readCallSettings, requestTimeoutOption, retryOptions, type CallOptionValues } from '../common.descriptions';

/** What differs between the operations' Options: where they show, and their batch limits. */
export interface BatchOptionsSpec {
	displayOptions: IDisplayOptions;
	batchSize: {
		max: number;
		default: number;
		/** Why the default and the maximum are what they are, for the option's description (no final full stop). */
		why: string;
	};
	/** The mapped fields, as the Invalid Items option names them ("rec_id, status or message"). */
	fieldNames: readonly string[];
}

function orList(names: readonly string[]): string {
	return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export function batchOptions({ displayOptions, batchSize, fieldNames }: BatchOptionsSpec): INodeProperties {
	const { max, default: batchSizeDefault, why } = batchSize;
	return optionsCollection(displayOptions, [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: max },
			default: batchSizeDefault,
			description: `Records per signed request (1–${max}). ${why}.`,
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
					description: `Items without a usable ${orList(fieldNames)} leave on Failed with the reason`,
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
	]);
}

export interface BatchSettings extends CallSettings {
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

/** The settings, each within its limits: a Batch Size typed as an expression above the maximum sends the maximum. */
export function readBatchSettings(context: IExecuteFunctions, batchSize: BatchOptionsSpec['batchSize']): BatchSettings {
	const options = context.getNodeParameter('options', 0, {}) as RawOptions;
	return {
		...readCallSettings(options),
		batchSize: clampInteger(options.batchSize, batchSize.default, 1, batchSize.max),
		concurrency: clampInteger(options.concurrency, CONCURRENCY_DEFAULT, 1, CONCURRENCY_MAX),
		pauseBetweenBatchesMs: clampInteger(options.pauseBetweenBatches, 0, 0, WAIT_MS_MAX),
		stopOnInvalidItem: options.invalidItems === 'stop',
	};
}
