/**
 * A bench-only node that does nothing but call n8n's HTTP helper the way the Wangdiantong node
 * does — one request per 50 items, sequentially, with a body of typical size — so that the
 * helper's own cost can be told apart from the node's.
 */
import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeTypeDescription } from 'n8n-workflow';

export class HelperOnly {
	description: INodeTypeDescription = {
		displayName: 'n8n HTTP helper only',
		name: 'helperOnly',
		group: ['transform'],
		version: 1,
		description: 'Bench: n8n HTTP helper calls only',
		defaults: { name: 'Helper only' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const url = String(this.getNodeParameter('url', 0));
		const body = `logistics_list=${encodeURIComponent(JSON.stringify(items.slice(0, 50).map((item) => item.json)))}`;
		for (let first = 0; first < items.length; first += 50) {
			await this.helpers.httpRequest({
				method: 'POST',
				url,
				body,
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				encoding: 'text',
				json: false,
			});
		}
		return [items];
	}
}
