/**
 * Logistics Sync → Get Pending: the records waiting to be synced to the shop platform
 * (`logistics_sync_query.php`), one output item per record.
 *
 * The query does not page. Records not acknowledged come back on the next call, acknowledged ones
 * leave the pool. A workflow loops (query → push → acknowledge → query) until nothing comes back;
 * a record the ERP keeps refusing to acknowledge would come back on every round, so this node
 * remembers, for the current execution only, which records it already returned and never returns
 * one twice: the loop then ends by itself. The memory lives in n8n's execution context (saved with
 * the execution), not in module state, so it is gone with the execution and safe on queue-mode
 * workers.
 */
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { callWithRetries } from '../../core/call';
import { describeFailure } from '../../core/failure';
import { QUERY_LIMIT_MAX, readPendingRecords } from '../../core/query/pending';
import { DEFAULT_RETRY_POLICY } from '../../core/retry';
import { cancellableSleep } from '../../helpers/cancellableSleep';
import { keepMessage } from '../../helpers/keepMessage';
import { gatewayClient } from '../../transport';

const showFor = { show: { resource: ['logisticsSync'], operation: ['getPending'] } };

export const description: INodeProperties[] = [
	{
		displayName:
			'Returns up to Limit records waiting to be synced. The ERP does not page: records you do not acknowledge come back on the next call, so acknowledge every record (status 0 or 1) before asking again. Within one execution a record is returned only once, so a loop back to this node ends when nothing new is pending.',
		name: 'getPendingNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor,
	},
	{
		displayName: 'Shop Code (Shop_no)',
		name: 'shopNo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. mall01',
		displayOptions: showFor,
		description: 'The shop’s code (店铺编号) in the ERP. Run one sync loop per shop at a time.',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: QUERY_LIMIT_MAX },
		// n8n's rules for verified community nodes fix a Limit's default at 50; the ERP allows up
		// to 100 per call, which the sync loop example sets.
		default: 50,
		displayOptions: showFor,
		description: 'Max number of results to return',
		hint: 'Up to 100 per call. A loop back to this node fetches the rest.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor,
		options: [
			{
				displayName: 'Split-Shipment Sync',
				name: 'partSyncAble',
				type: 'boolean',
				default: false,
				description: 'Whether to include records of partly shipped orders (is_part_sync_able). Only for sellers with split-shipment sync enabled in the ERP.',
			},
			{
				displayName: 'Request Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30000,
				description: 'How long to wait for the ERP’s answer before retrying',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const signal = this.getExecutionCancelSignal();
	const output: INodeExecutionData[] = [];
	/** Records this node already returned in this execution, across loop rounds. */
	const memory = this.getContext('node') as { returnedRecIds?: string[] };
	const seen = new Set<string>(memory.returnedRecIds ?? []);
	const callGateway = gatewayClient(this);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const shopNo = String(this.getNodeParameter('shopNo', itemIndex, '')).trim();
		const limit = Math.min(QUERY_LIMIT_MAX, Math.max(1, Math.round(Number(this.getNodeParameter('limit', itemIndex, 50)))));
		const options = this.getNodeParameter('options', itemIndex, {}) as { partSyncAble?: boolean; timeout?: number };
		const timeoutMs = Math.max(1, Number(options.timeout ?? 30000));

		const result = shopNo
			? await callWithRetries(
					async () =>
						await callGateway(
							'logistics_sync_query.php',
							{
								shop_no: shopNo,
								limit: String(limit),
								// Sent only when switched on: the flag is for split-shipment sellers alone.
								is_part_sync_able: options.partSyncAble ? '1' : undefined,
							},
							{ timeoutMs },
						),
					readPendingRecords,
					{
						retry: DEFAULT_RETRY_POLICY,
						sleep: cancellableSleep(signal),
						random: Math.random,
						isCancelled: () => signal?.aborted === true,
					},
				)
			: undefined;

		if (!result?.ok) {
			const failure = result?.failure;
			const message = failure
				? `Get Pending failed for shop "${shopNo}": ${describeFailure(failure)}`
				: 'Shop Code is empty: enter the shop’s code (店铺编号) as it appears in the ERP';
			if (this.continueOnFail()) {
				const json: IDataObject = { error: message };
				if (failure?.erpCode !== undefined) json.code = failure.erpCode;
				output.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			const response: JsonObject = failure
				? { kind: failure.kind, ...(failure.erpCode ? { code: failure.erpCode, message: failure.erpMessage ?? '' } : {}) }
				: { kind: 'parameter' };
			throw keepMessage(new NodeApiError(this.getNode(), response, { message, itemIndex }), message);
		}

		for (const record of result.value) {
			if (seen.has(record.rec_id)) continue;
			seen.add(record.rec_id);
			output.push({ json: record as IDataObject, pairedItem: { item: itemIndex } });
		}
	}
	memory.returnedRecIds = [...seen];
	return [output];
}
