/**
 * Any API → API Call: one signed call to any openapi2 script per input item, for the APIs that
 * have no operation of their own (a shop's five flows do: trade, refund, goods, logistics and
 * stock). It goes through the same transport as every other operation, so it gets what n8n's HTTP Request node cannot give:
 * retries signed afresh, the rate-limit (1012) wait, `code` ≠ 0 as a real error, ids beyond 2^53
 * kept exact, and a list field split into items.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Interpretation } from '../../../core/call';
import { describeFailure, type GatewayFailure } from '../../../core/failure';
import { apiCaller, type CallSettings } from '../../../transport';
import { gatewayError, keepMessage } from '../../../transport/nodeError';
import { optionsCollection, readCallSettings, requestTimeoutOption, retryOptions, type CallOptionValues } from '../../common.descriptions';
import { paramsFromJson, paramsFromPairs, type ParameterPair, type ParamsCheck } from './params';
import { failureNotes, refusesEveryCall } from './refusals';
import { checkScriptName } from './script';
import { answerItems } from './split';

const showFor = { show: { resource: ['api'], operation: ['call'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. trade_push.php',
		displayOptions: showFor,
		description: 'The openapi2 script to call, as its documentation names it: only the file name, the gateway’s address comes from the credential',
	},
	{
		displayName: 'Send Parameters As',
		name: 'sendParametersAs',
		type: 'options',
		options: [
			{ name: 'Name/Value Pairs', value: 'pairs', description: 'One row per parameter' },
			{ name: 'JSON', value: 'json', description: 'One JSON object whose fields are the parameters' },
		],
		default: 'pairs',
		displayOptions: showFor,
		description: 'The credential adds sid, appkey, timestamp and sign; give only the script’s own parameters',
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: { show: { ...showFor.show, sendParametersAs: ['pairs'] } },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. shop_no' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Sent as text. An expression that gives an object or a list is sent as its JSON text; an empty value is not sent.',
					},
				],
			},
		],
	},
	{
		displayName: 'JSON Parameters',
		name: 'jsonParameters',
		type: 'json',
		default: '{}',
		displayOptions: { show: { ...showFor.show, sendParametersAs: ['json'] } },
		description: 'One JSON object. Object and list values are sent as their JSON text (as in logistics_list), numbers and true/false as text, null not at all. Integers beyond 2^53 keep every digit.',
	},
	optionsCollection(showFor, [
		{
			displayName: 'Split Into Items',
			name: 'splitInto',
			type: 'string',
			default: '',
			placeholder: 'e.g. trades',
			description: 'The name of a list field of the answer (trades, stock_change_list, …): one output item per element instead of the whole answer. A missing or empty list gives no items.',
		},
		requestTimeoutOption('How long to wait for the ERP’s answer to one call before retrying it'),
		...retryOptions('call'),
	]),
];

interface ApiCallOptions extends CallOptionValues {
	splitInto?: string;
}

interface PlannedCall {
	script: string;
	params: Record<string, string>;
	splitInto: string;
	settings: CallSettings;
}

/** Any `code` 0 answer is the call's value: what it means is the workflow's to decide. */
function wholeAnswer(data: Record<string, unknown>): Interpretation<Record<string, unknown>> {
	return { ok: true, value: data };
}

function readParams(context: IExecuteFunctions, itemIndex: number): ParamsCheck {
	if (context.getNodeParameter('sendParametersAs', itemIndex, 'pairs') === 'json') {
		return paramsFromJson(context.getNodeParameter('jsonParameters', itemIndex, '{}'));
	}
	const pairs = context.getNodeParameter('parameters.parameter', itemIndex, []) as ParameterPair[];
	return paramsFromPairs(Array.isArray(pairs) ? pairs : []);
}

/** This item's call, or what is wrong with its parameters (nothing is sent then). */
function planCall(context: IExecuteFunctions, itemIndex: number): PlannedCall | { error: string } {
	const script = checkScriptName(context.getNodeParameter('script', itemIndex, ''));
	if (!script.ok) return { error: script.error };
	const params = readParams(context, itemIndex);
	if (!params.ok) return { error: params.error };
	const options = context.getNodeParameter('options', itemIndex, {}) as ApiCallOptions;
	return {
		script: script.script,
		params: params.params,
		splitInto: typeof options.splitInto === 'string' ? options.splitInto.trim() : '',
		settings: readCallSettings(options),
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const callerFor = apiCaller(this);
	const signal = this.getExecutionCancelSignal();
	let accountRefused: { failure: GatewayFailure; itemIndex: number } | undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		// A cancelled execution sends nothing more (n8n marks the run cancelled itself).
		if (signal?.aborted) break;
		const pairedItem = { item: itemIndex };
		const failItem = (message: string, failure?: GatewayFailure, description?: string): void => {
			if (this.continueOnFail()) {
				const json: IDataObject = { error: message };
				if (failure?.erpCode !== undefined) json.code = failure.erpCode;
				output.push({ json, pairedItem });
				return;
			}
			if (failure) throw gatewayError(this.getNode(), failure, { message, description, itemIndex });
			throw keepMessage(new NodeOperationError(this.getNode(), message, { itemIndex, description }), message);
		};

		let planned: PlannedCall | { error: string };
		try {
			planned = planCall(this, itemIndex);
		} catch (error) {
			// n8n's own errors (an expression that fails) already name the item and the parameter.
			if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			output.push({ json: { error: (error as Error).message }, pairedItem });
			continue;
		}
		if ('error' in planned) {
			failItem(`Item ${itemIndex}: ${planned.error}`, undefined, 'Nothing was sent for this item.');
			continue;
		}

		const { script, params, splitInto, settings } = planned;
		if (accountRefused) {
			const { failure, itemIndex: first } = accountRefused;
			failItem(`Item ${itemIndex}: ${script} not sent: the ERP refused the credential for item ${first}: ${describeFailure(failure)}`, failure);
			continue;
		}
		const result = await callerFor(settings)({ script, params, read: wholeAnswer, label: `${script} for item ${itemIndex}` });
		if (!result.ok) {
			// Cancelled during the call or its wait: the failure is the cancellation's, not the ERP's.
			if (signal?.aborted) break;
			if (refusesEveryCall(result.failure)) accountRefused = { failure: result.failure, itemIndex };
			failItem(
				`Item ${itemIndex}: ${script} failed: ${describeFailure(result.failure)}`,
				result.failure,
				failureNotes(result.failure, result.attempts, result.mayHaveLanded),
			);
			continue;
		}

		const answer = answerItems(result.value, splitInto);
		if (!answer.ok) {
			failItem(`Item ${itemIndex}: ${script} succeeded (code 0), but its answer cannot be split: ${answer.error}`);
			continue;
		}
		for (const json of answer.items) output.push({ json: json as IDataObject, pairedItem });
	}
	return [output];
}
