/**
 * Options that several operations offer (request timeout, retries and their waits), described
 * once and read once, with their defaults and limits from core/limits.ts.
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	clampInteger,
	RATE_LIMIT_PATIENCE_SECONDS,
	RATE_LIMIT_WAIT_SECONDS_DEFAULT,
	RETRIES_DEFAULT,
	RETRIES_MAX,
	RETRY_WAIT_CAP_MS,
	RETRY_WAIT_MS_DEFAULT,
	TIMEOUT_MS_DEFAULT,
	WAIT_MS_MAX,
} from '../core/limits';
import type { RetryPolicy } from '../core/retry';
import type { CallSettings } from '../transport';

/** `what`: the wait this operation's timeout bounds, e.g. "for the ERP’s answer to one batch". */
export function requestTimeoutOption(what: string): INodeProperties {
	return {
		displayName: 'Request Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: TIMEOUT_MS_DEFAULT,
		description: `${what}, in milliseconds (${TIMEOUT_MS_DEFAULT} = ${TIMEOUT_MS_DEFAULT / 1000} seconds)`,
	};
}

/** Retries, Retry Wait and Rate Limit Wait. `unit`: what is retried ("batch", "call"). */
export function retryOptions(unit: string): INodeProperties[] {
	return [
		{
			displayName: 'Rate Limit Wait',
			name: 'rateLimitWait',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: RATE_LIMIT_WAIT_SECONDS_DEFAULT,
			description: `Seconds to wait before retrying a ${unit} the ERP rate-limited (code 1012). The ${unit} is tried again after each wait for about ${RATE_LIMIT_PATIENCE_SECONDS / 60} minutes, apart from Retries: workflows sharing the appkey take turns.`,
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: RETRIES_MAX },
			default: RETRIES_DEFAULT,
			description: `Retries per ${unit} after a network error, timeout, HTTP 5xx or garbled answer (rate limits have their own, see Rate Limit Wait; 0 turns both off). Each retry is signed again. Sign, appkey and parameter errors are never retried.`,
			hint: `Use this rather than the node setting "Retry On Fail", which re-runs the whole node and resends every ${unit}, the ones that succeeded too`,
		},
		{
			displayName: 'Retry Wait',
			name: 'retryWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: RETRY_WAIT_MS_DEFAULT,
			description: `Milliseconds to wait before the first retry of a transient failure (${RETRY_WAIT_MS_DEFAULT} = ${RETRY_WAIT_MS_DEFAULT / 1000} second); the wait doubles on each further retry, up to ${RETRY_WAIT_CAP_MS / 1000} seconds`,
		},
	];
}

export interface CallOptionValues {
	timeout?: number;
	retries?: number;
	retryWait?: number;
	rateLimitWait?: number;
}

export function readCallSettings(options: CallOptionValues): CallSettings {
	const retryWait = clampInteger(options.retryWait, RETRY_WAIT_MS_DEFAULT, 0, WAIT_MS_MAX);
	const retry: RetryPolicy = {
		maxRetries: clampInteger(options.retries, RETRIES_DEFAULT, 0, RETRIES_MAX),
		baseDelayMs: retryWait,
		maxDelayMs: Math.max(retryWait, RETRY_WAIT_CAP_MS),
		rateLimitDelayMs: Math.round(1000 * Math.max(0, options.rateLimitWait ?? RATE_LIMIT_WAIT_SECONDS_DEFAULT)),
	};
	return { timeoutMs: clampInteger(options.timeout, TIMEOUT_MS_DEFAULT, 1, WAIT_MS_MAX), retry };
}

/** n8n lists a collection's options in the order given; its own nodes keep them alphabetical. */
export function byDisplayName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
}

/** An operation's Options collection, its options alphabetical as in n8n's own nodes. */
export function optionsCollection(displayOptions: IDisplayOptions, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions,
		options: byDisplayName(options),
	};
}

/** The Record ID mapping of an acknowledging operation. `query`: where the id comes from, e.g. "Get Pending (logistics_sync_query)". */
export function recordIdField(displayOptions: IDisplayOptions, query: string): INodeProperties {
	return {
		displayName: 'Record ID',
		name: 'recId',
		type: 'string',
		default: '={{ $json.rec_id }}',
		required: true,
		displayOptions,
		description: `The rec_id that ${query} returned for this record. Keep it as text: IDs can exceed what a JavaScript number holds exactly.`,
	};
}

/** A resource's Operation select: its operations (each with the `action` the nodes panel lists), the first one the default. */
export function operationSelect(resource: string, operations: INodePropertyOptions[], defaultOperation = String(operations[0].value)): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations,
		default: defaultOperation,
	};
}
