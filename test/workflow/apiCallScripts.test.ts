/**
 * API Call on scripts the node has no operation for, through n8n's engine against the mock
 * gateway: a push script with a canned answer, an ERP refusal in its own words, a raw answer with
 * ids beyond 2^53, and the stock-sync pair (query split into items → one ack for the round).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness';
import { MockGateway } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE, wangdiantongNode } from './ackWorkflow';

let gateway: MockGateway;
afterEach(async () => await gateway.close());

function apiCall(parameters: IDataObject, inputs: IDataObject[] = [{}], onError?: 'continueRegularOutput') {
	const workflow = ackWorkflow(inputs, { parameters: { resource: 'api', operation: 'call', ...parameters }, onError });
	return runWorkflow({ workflow, credentials: mockCredentials(gateway) });
}

test('trade_push.php: the order list arrives as JSON text, the answer leaves whole', async () => {
	const received: Array<Record<string, string>> = [];
	gateway = await MockGateway.start({
		answers: {
			'trade_push.php': (params) => {
				received.push({ ...params });
				return { code: 0, message: '', new_count: (JSON.parse(params.trade_list) as unknown[]).length, chg_count: 0 };
			},
		},
	});
	const trades = [
		{ tid: 'T-1001', trade_status: 30, buyer_nick: '张三 & 李四', order_list: [{ oid: 'O-1', num: 2, price: '19.90' }] },
	];
	const result = await apiCall({
		script: 'trade_push.php',
		sendParametersAs: 'json',
		jsonParameters: '={{ { shop_no: $json.shop, trade_list: $json.trades } }}',
	}, [{ shop: 'mall01', trades }]);
	expect(result.status).toBe('success');
	expect(received).toEqual([{ shop_no: 'mall01', trade_list: JSON.stringify(trades) }]);
	expect(gateway.calls.map((call) => call.api)).toEqual(['trade_push']);
	expect(result.outputs(NODE)[0]).toEqual([{ json: { code: 0, message: '', new_count: 1, chg_count: 0 }, pairedItem: { item: 0 } }]);
});

test('a refusal in the ERP’s own words, with Stop and with Continue', async () => {
	gateway = await MockGateway.start({
		answers: { 'trade_push.php': (params) => (params.shop_no === 'mall01' ? { code: 0, message: '' } : { code: 2001, message: '店铺未授权' }) },
	});
	const parameters = {
		script: 'trade_push.php',
		sendParametersAs: 'pairs',
		parameters: { parameter: [{ name: 'shop_no', value: '={{ $json.shop }}' }, { name: 'trade_list', value: '[]' }] },
		options: { retries: 3, retryWait: 5 },
	};
	const inputs = [{ shop: 'mall01' }, { shop: 'other' }, { shop: 'mall01' }];

	const stopped = await apiCall(parameters, inputs);
	expect(stopped.status).toBe('error');
	expect(stopped.nodeError(NODE)?.message).toBe('Item 1: trade_push.php failed: ERP error 2001 (店铺未授权): The ERP refused the request; its message says why.');
	expect(gateway.requests).toHaveLength(2); // not retried, and nothing after the failed item

	const continued = await apiCall(parameters, inputs, 'continueRegularOutput');
	expect(continued.outputs(NODE)[0]).toEqual([
		{ json: { code: 0, message: '' }, pairedItem: { item: 0 } },
		{ json: { error: 'Item 1: trade_push.php failed: ERP error 2001 (店铺未授权): The ERP refused the request; its message says why.', code: '2001' }, pairedItem: { item: 1 } },
		{ json: { code: 0, message: '' }, pairedItem: { item: 2 } },
	]);
});

test('a script the gateway does not serve: code 100 explained as a Script or parameter problem', async () => {
	gateway = await MockGateway.start();
	const result = await apiCall({ script: 'no_such_script.php' });
	const error = result.nodeError(NODE);
	expect(error?.message).toMatch(/^Item 0: no_such_script\.php failed: ERP error 100 \(接口不存在/);
	expect(error?.description).toBe('Check Script and the parameters against the script’s documentation: code 100 also means a parameter is missing or malformed.');
});

test('a raw answer with ids beyond 2^53 as bare numbers: exact text in the whole answer and in split items', async () => {
	gateway = await MockGateway.start({
		answers: {
			'goods_query.php':
				'{"code":0,"message":"","total_count":2,"goods_list":[{"goods_id":98765432109876543210,"price":12.50,"stock":-3},{"goods_id":9007199254740993,"tags":[1,2]}]}',
		},
	});
	const whole = await apiCall({ script: 'goods_query.php' });
	expect(whole.outputs(NODE)[0][0].json).toEqual({
		code: 0,
		message: '',
		total_count: 2,
		goods_list: [
			{ goods_id: '98765432109876543210', price: 12.5, stock: -3 },
			{ goods_id: '9007199254740993', tags: [1, 2] },
		],
	});
	const split = await apiCall({ script: 'goods_query.php', options: { splitInto: 'goods_list' } }, [{}, {}]);
	expect(split.outputs(NODE)[0].map((item) => [item.json.goods_id, item.pairedItem])).toEqual([
		['98765432109876543210', { item: 0 }],
		['9007199254740993', { item: 0 }],
		['98765432109876543210', { item: 1 }],
		['9007199254740993', { item: 1 }],
	]);
});

describe('the stock-sync pair', () => {
	const QUERY = 'Get stock changes';
	const ACK = 'Acknowledge stock sync';

	/**
	 * The stock-sync pair as a workflow built on API Call alone would call it: query split into
	 * items → one ack for the round (Execute Once) listing them.
	 */
	function stockRound(shopNo: string, limit: number): WorkflowJson {
		const start = ackWorkflow([{}]);
		const query: INode = {
			...wangdiantongNode({
				parameters: {
					resource: 'api',
					operation: 'call',
					script: 'api_goods_stock_change_query.php',
					parameters: { parameter: [{ name: 'shop_no', value: shopNo }, { name: 'limit', value: String(limit) }] },
					options: { splitInto: 'stock_change_list' },
				},
			}),
			name: QUERY,
		};
		const ack: INode = {
			...wangdiantongNode({
				parameters: {
					resource: 'api',
					operation: 'call',
					script: 'api_goods_stock_change_ack.php',
					sendParametersAs: 'json',
					jsonParameters: `={{ { stock_sync_list: $('${QUERY}').all().map((change) => ({ rec_id: change.json.rec_id, sync_stock: change.json.sync_stock, stock_change_count: change.json.stock_change_count })) } }}`,
				},
			}),
			id: 'b6f1c4d2-0000-4000-8000-000000000005',
			name: ACK,
			position: [600, 0],
			executeOnce: true,
		};
		const main = (node: string) => ({ main: [[{ node, type: 'main' as const, index: 0 }]] });
		return {
			nodes: [start.nodes[0], query, ack],
			connections: { [start.nodes[0].name]: main(QUERY), [QUERY]: main(ACK) },
			pinData: start.pinData,
		};
	}

	test('one item per change, then one ack for the round: the pool drains in rounds of the limit', async () => {
		gateway = await MockGateway.start();
		const seeded = gateway.seedStockChanges(5, 'stock-shop');
		const first = await runWorkflow({ workflow: stockRound('stock-shop', 3), credentials: mockCredentials(gateway) });
		expect(first.status).toBe('success');
		const changes = first.outputs(QUERY)[0];
		expect(changes.map((item) => item.json)).toEqual(seeded.slice(0, 3).map((change) => ({ ...change })));
		const acks = gateway.calls.filter((call) => call.api === 'api_goods_stock_change_ack');
		expect(acks).toHaveLength(1);
		expect(JSON.parse(acks[0].params.stock_sync_list)).toEqual(
			seeded.slice(0, 3).map(({ rec_id, sync_stock, stock_change_count }) => ({ rec_id, sync_stock, stock_change_count })),
		);
		expect(first.outputs(ACK)[0]).toEqual([{ json: { code: 0, message: '', errors: [] }, pairedItem: { item: 0 } }]);
		expect(gateway.stockPending('stock-shop').map((change) => change.rec_id)).toEqual(seeded.slice(3).map((change) => change.rec_id));

		await runWorkflow({ workflow: stockRound('stock-shop', 3), credentials: mockCredentials(gateway) });
		expect(gateway.stockPending('stock-shop')).toEqual([]);

		// Nothing pending: the query gives no items, so the ack does not run.
		const empty = await runWorkflow({ workflow: stockRound('stock-shop', 3), credentials: mockCredentials(gateway) });
		expect(empty.status).toBe('success');
		expect(empty.outputs(QUERY)[0]).toEqual([]);
		expect(gateway.calls.filter((call) => call.api === 'api_goods_stock_change_ack')).toHaveLength(2);
	});
});
