// Stand-in for n8n-nodes-base.httpRequest, because n8n-nodes-base is not installed. It emulates
// only what our example workflows and the benchmark's "do it yourself" workflows use, version
// 4.x: `method`, `url`, and a body given either as JSON (`sendBody: true`, `specifyBody: 'json'`,
// `jsonBody`: text, expressions resolved by n8n, then parsed) or raw (`contentType: 'raw'`,
// `rawContentType`, `body`). Like the real node it sends the requests of all items at once,
// unless Options → Batching spaces them: `batchSize` requests started every `batchInterval` ms
// (defaults 50 and 1,000), never waiting for answers — which is why a workflow built this way
// can flood a rate-limited API. Each request goes through n8n's own
// `httpRequest` helper; the response body becomes the item's JSON. A failed request (network
// error or non-2xx) throws — or, with On Error = continue, outputs `{ error: { message, httpCode,
// description } }` for that item, paired to it, as the real node does. For our own workflows only.
import { NodeApiError, NodeConnectionTypes, sleep, type IDataObject, type JsonObject } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

interface Batching {
	batch?: { batchSize?: number; batchInterval?: number };
}

function requestFor(context: IExecuteFunctions, itemIndex: number): IHttpRequestOptions {
	const request: IHttpRequestOptions = {
		method: String(context.getNodeParameter('method', itemIndex)) as IHttpRequestMethods,
		url: String(context.getNodeParameter('url', itemIndex)),
		json: true,
	};
	if (context.getNodeParameter('sendBody', itemIndex) !== true) return request;
	if (context.getNodeParameter('contentType', itemIndex) === 'raw') {
		request.body = String(context.getNodeParameter('body', itemIndex));
		request.headers = { 'content-type': String(context.getNodeParameter('rawContentType', itemIndex)) };
		return request;
	}
	request.body = JSON.parse(String(context.getNodeParameter('jsonBody', itemIndex))) as IDataObject;
	return request;
}

async function sendOne(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	try {
		const response: unknown = await context.helpers.httpRequest(requestFor(context, itemIndex));
		const json = response && typeof response === 'object' ? (response as IDataObject) : { data: response as string };
		return { json, pairedItem: { item: itemIndex } };
	} catch (error) {
		const apiError = new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
		if (!context.continueOnFail()) throw apiError;
		const details: IDataObject = { message: apiError.message, httpCode: apiError.httpCode };
		if (apiError.description) details.description = apiError.description;
		return { json: { error: details }, pairedItem: { item: itemIndex } };
	}
}

export class HttpRequestStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request (harness stand-in)',
		name: 'httpRequest',
		group: ['output'],
		version: [4, 4.1, 4.2],
		description: 'Makes an HTTP request (harness stand-in: JSON or raw bodies only)',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
			{ displayName: 'Body Content Type', name: 'contentType', type: 'string', default: 'json' },
			{ displayName: 'Specify Body', name: 'specifyBody', type: 'string', default: 'keypair' },
			{ displayName: 'JSON', name: 'jsonBody', type: 'string', default: '' },
			{ displayName: 'Content Type', name: 'rawContentType', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { batching } = this.getNodeParameter('options', 0, {}) as { batching?: Batching };
		// The real node's Batching defaults (50 items, 1,000 ms). It never waits for a request to
		// answer: it starts one per item and only sleeps the interval before each new batch, so an
		// interval of 0 sends everything at once too.
		const batchSize = batching?.batch ? Math.max(1, batching.batch.batchSize ?? 50) : items.length;
		const interval = batching?.batch ? (batching.batch.batchInterval ?? 1000) : 0;
		const sent: Array<Promise<INodeExecutionData>> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			if (itemIndex > 0 && interval > 0 && itemIndex % batchSize === 0) await sleep(interval);
			sent.push(sendOne(this, itemIndex));
		}
		const output = await Promise.all(sent);
		return [output];
	}
}
