/**
 * The n8n side of every "what waits to be synced" query (Get Pending, Get Changes): one call per
 * input item for its shop, one output item per record.
 *
 * The ERP does not page. Records not acknowledged come back on the next call, acknowledged ones
 * leave the pool. A workflow loops (query → push → acknowledge → query) until nothing comes back;
 * a record the ERP keeps offering would come back on every round, so the node remembers, for the
 * current execution only, what it already returned and never returns it twice: the loop then ends
 * by itself. The memory lives in n8n's execution context (saved with the execution), not in module
 * state, so it is gone with the execution and safe on queue-mode workers.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BusinessParams } from '../../core/request';
import { describeFailure } from '../../core/failure';
import { clampInteger, QUERY_LIMIT_DEFAULT, QUERY_LIMIT_MAX, TIMEOUT_MS_DEFAULT, WAIT_MS_MAX } from '../../core/limits';
import { pendingListReader, type PendingRecord } from '../../core/pendingList';
import { DEFAULT_RETRY_POLICY } from '../../core/retry';
import { apiCaller } from '../../transport';
import { gatewayError } from '../../transport/nodeError';

export interface PendingQuery {
	script: string;
	/** The answer's list field. */
	listField: string;
	/** The operation's name, for errors and logs ("Get Pending"). */
	name: string;
	/** Where the node context keeps what this execution returned. */
	memoryKey: string;
	/** What makes a record "the same one" within an execution. */
	keyOf(record: PendingRecord): string;
	/** Parameters of this query beyond shop_no and limit, from the item's Options. */
	extraParams?(options: IDataObject): BusinessParams;
}

export async function executePendingQuery(context: IExecuteFunctions, query: PendingQuery): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	const memory = context.getContext('node') as Record<string, string[] | undefined>;
	const seen = new Set<string>(memory[query.memoryKey] ?? []);
	const callerFor = apiCaller(context);
	const read = pendingListReader(query.listField);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const shopNo = String(context.getNodeParameter('shopNo', itemIndex, '')).trim();
		// A Max Records above the ERP's limit (an expression, say) asks for the limit.
		const maxRecords = clampInteger(
			Number(context.getNodeParameter('maxRecords', itemIndex, QUERY_LIMIT_DEFAULT)),
			QUERY_LIMIT_DEFAULT,
			1,
			QUERY_LIMIT_MAX,
		);
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const timeoutMs = clampInteger(options.timeout, TIMEOUT_MS_DEFAULT, 1, WAIT_MS_MAX);

		const result = shopNo
			? await callerFor({ timeoutMs, retry: DEFAULT_RETRY_POLICY })({
					script: query.script,
					params: { shop_no: shopNo, limit: String(maxRecords), ...query.extraParams?.(options) },
					read,
					label: `${query.name} for shop "${shopNo}"`,
				})
			: undefined;

		if (!result?.ok) {
			const failure = result?.failure;
			const message = failure
				? `${query.name} failed for shop "${shopNo}": ${describeFailure(failure)}`
				: 'Shop Code is empty: enter the shop’s code (店铺编号) as it appears in the ERP';
			if (context.continueOnFail()) {
				const json: IDataObject = { error: message };
				if (failure?.erpCode !== undefined) json.code = failure.erpCode;
				output.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			throw gatewayError(context.getNode(), failure, { message, itemIndex });
		}

		for (const record of result.value) {
			const key = query.keyOf(record);
			if (seen.has(key)) continue;
			seen.add(key);
			output.push({ json: record as IDataObject, pairedItem: { item: itemIndex } });
		}
	}
	memory[query.memoryKey] = [...seen];
	return [output];
}
