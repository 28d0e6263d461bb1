// Stand-in for n8n-nodes-base.httpRequest, because n8n-nodes-base is not installed. It emulates
// only what our sync-loop example uses, version 4.2: `method`, `url`, and a JSON body given as
// `sendBody: true`, `specifyBody: 'json'`, `jsonBody` (text, expressions resolved by n8n, then
// parsed). Per item it sends the request with n8n's own `httpRequest` helper and outputs the
// response body as the item's JSON. A failed request (network error or non-2xx) throws — or,
// with On Error = continue, outputs `{ error: { message, httpCode, description } }` for that item,
// paired to it, as the real node does. For our own example workflows only.
import { NodeApiError, NodeConnectionTypes, type IDataObject, type JsonObject } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export class HttpRequestStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request (harness stand-in)',
		name: 'httpRequest',
		group: ['output'],
		version: [4, 4.1, 4.2],
		description: 'Makes an HTTP request (harness stand-in: JSON bodies only)',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
			{ displayName: 'Specify Body', name: 'specifyBody', type: 'string', default: 'keypair' },
			{ displayName: 'JSON', name: 'jsonBody', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const sendBody = this.getNodeParameter('sendBody', itemIndex) === true;
				const bodyText = sendBody ? String(this.getNodeParameter('jsonBody', itemIndex)) : '';
				const response: unknown = await this.helpers.httpRequest({
					method: String(this.getNodeParameter('method', itemIndex)) as IHttpRequestMethods,
					url: String(this.getNodeParameter('url', itemIndex)),
					...(sendBody ? { body: JSON.parse(bodyText) as IDataObject } : {}),
					json: true,
				});
				const json = response && typeof response === 'object' ? (response as IDataObject) : { data: response as string };
				output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const apiError = new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
				if (!this.continueOnFail()) throw apiError;
				const details: IDataObject = { message: apiError.message, httpCode: apiError.httpCode };
				if (apiError.description) details.description = apiError.description;
				output.push({ json: { error: details }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
