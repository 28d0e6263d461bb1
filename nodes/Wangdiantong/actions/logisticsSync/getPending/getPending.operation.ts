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
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { describeFailure } from '../../../core/failure';
import { clampInteger, QUERY_LIMIT_DEFAULT, QUERY_LIMIT_MAX, TIMEOUT_MS_DEFAULT, WAIT_MS_MAX } from '../../../core/limits';
import { DEFAULT_RETRY_POLICY } from '../../../core/retry';
import { apiCaller } from '../../../transport';
import { gatewayError } from '../../../transport/nodeError';
import { requestTimeoutOption } from '../../common.descriptions';
import { readPendingRecords } from './pendingRecords';

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
	{
		displayName: 'Shop Code',
		name: 'shopNo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. mall01',
		displayOptions: showFor,
		description: 'The shop’s code in the ERP (店铺编号, shop_no). Run one sync loop per shop at a time.',
	},
	{
		// Not named `limit`: n8n adds a "Limit of N items reached… Return All" hint to any output of a
		// parameter with that name, and this node has no Return All (the ERP does not page).
		displayName: 'Max Records',
		name: 'maxRecords',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: QUERY_LIMIT_MAX },
		default: QUERY_LIMIT_DEFAULT,
		displayOptions: showFor,
		description: `How many pending records one call fetches (the ERP’s limit, 1–${QUERY_LIMIT_MAX}). To get the rest, acknowledge these and loop back to this node.`,
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
			requestTimeoutOption('How long to wait for the ERP’s answer before retrying'),
		],
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	/** Records this node already returned in this execution, across loop rounds. */
	const memory = this.getContext('node') as { returnedRecIds?: string[] };
	const seen = new Set<string>(memory.returnedRecIds ?? []);
	const callerFor = apiCaller(this);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const shopNo = String(this.getNodeParameter('shopNo', itemIndex, '')).trim();
		const maxRecords = clampInteger(
			Number(this.getNodeParameter('maxRecords', itemIndex, QUERY_LIMIT_DEFAULT)),
			QUERY_LIMIT_DEFAULT,
			1,
			QUERY_LIMIT_MAX,
		);
		const options = this.getNodeParameter('options', itemIndex, {}) as { partSyncAble?: boolean; timeout?: number };
		const timeoutMs = clampInteger(options.timeout, TIMEOUT_MS_DEFAULT, 1, WAIT_MS_MAX);

		const result = shopNo
			? await callerFor({ timeoutMs, retry: DEFAULT_RETRY_POLICY })({
					script: 'logistics_sync_query.php',
					params: {
						shop_no: shopNo,
						limit: String(maxRecords),
						// Sent only when switched on: the flag is for split-shipment sellers alone.
						is_part_sync_able: options.partSyncAble ? '1' : undefined,
					},
					read: readPendingRecords,
					label: `Get Pending for shop "${shopNo}"`,
				})
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
			throw gatewayError(this.getNode(), failure, { message, itemIndex });
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
