/**
 * The Acknowledge operation's Options collection, and reading it into the core's settings.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from '../../core/ack/batch';
import type { RetryPolicy } from '../../core/retry';

export const acknowledgeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	displayOptions: { show: { resource: ['logisticsSync'], operation: ['acknowledge'] } },
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
			default: DEFAULT_BATCH_SIZE,
			description: 'Records per signed request (1–100). The ERP times out on large batches; 50 is the vendor’s advice.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 1,
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
			displayName: 'Pause Between Batches (Ms)',
			name: 'pauseBetweenBatches',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Wait after each batch, to stay under the ERP’s rate limit on large runs',
		},
		{
			displayName: 'Rate Limit Wait (Seconds)',
			name: 'rateLimitWait',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 31,
			description: 'How long to wait before retrying a batch the ERP rate-limited (code 1012). It counts calls per minute, so a short wait meets the same limit.',
		},
		{
			displayName: 'Request Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description: 'How long to wait for the ERP’s answer to one batch before retrying it',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description: 'Retries per batch after a network error, timeout, HTTP 5xx, garbled answer or rate limit. Each retry is signed again. Sign, appkey and parameter errors are never retried.',
			hint: 'Use this rather than the node setting "Retry On Fail", which re-runs the whole node and resends batches that already succeeded',
		},
		{
			displayName: 'Retry Wait (Ms)',
			name: 'retryWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description: 'Wait before the first retry of a transient failure; it doubles on each further retry (up to 15 s)',
		},
	],
};

export interface AcknowledgeSettings {
	batchSize: number;
	concurrency: number;
	pauseBetweenBatchesMs: number;
	timeoutMs: number;
	retry: RetryPolicy;
	stopOnInvalidItem: boolean;
}

interface RawOptions {
	batchSize?: number;
	concurrency?: number;
	invalidItems?: string;
	pauseBetweenBatches?: number;
	rateLimitWait?: number;
	timeout?: number;
	retries?: number;
	retryWait?: number;
}

function clampInteger(value: number | undefined, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
	return Math.min(max, Math.max(min, number));
}

export function readAcknowledgeSettings(context: IExecuteFunctions): AcknowledgeSettings {
	const options = context.getNodeParameter('options', 0, {}) as RawOptions;
	const retryWait = clampInteger(options.retryWait, 1000, 0, 3_600_000);
	return {
		batchSize: clampInteger(options.batchSize, DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE),
		concurrency: clampInteger(options.concurrency, 1, 1, 10),
		pauseBetweenBatchesMs: clampInteger(options.pauseBetweenBatches, 0, 0, 3_600_000),
		timeoutMs: clampInteger(options.timeout, 30000, 1, 3_600_000),
		retry: {
			maxRetries: clampInteger(options.retries, 3, 0, 10),
			baseDelayMs: retryWait,
			maxDelayMs: Math.max(retryWait, 15000),
			rateLimitDelayMs: Math.round(1000 * Math.max(0, options.rateLimitWait ?? 31)),
		},
		stopOnInvalidItem: options.invalidItems === 'stop',
	};
}
