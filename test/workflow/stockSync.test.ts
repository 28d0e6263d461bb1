/**
 * Stock Sync → Get Changes and Acknowledge through n8n's real execution engine, against the mock
 * gateway's stock pool over real HTTP. What every batched operation shares (limits, 1012, cancel)
 * is in batchedEngine.test.ts and the reliability suites; this file pins what is the stock loop's own.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { Wangdiantong } from '../../nodes/Wangdiantong/Wangdiantong.node';
import { createRegistry, runWorkflow } from '../harness';
import { MockGateway } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE, NODE_TYPE, wangdiantongNode } from './ackWorkflow';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

const acknowledgeParameters = { resource: 'stockSync', operation: 'acknowledge' };
const ackCalls = () => gateway.requests.filter((r) => r.api === 'api_goods_stock_change_ack');
const sent = (index: number): IDataObject[] => JSON.parse(ackCalls()[index].params.stock_sync_list) as IDataObject[];

async function acknowledge(items: IDataObject[], options: Parameters<typeof ackWorkflow>[1] = {}) {
	return await runWorkflow({
		workflow: ackWorkflow(items, { ...options, parameters: { ...acknowledgeParameters, ...options.parameters } }),
		credentials: mockCredentials(gateway, {}),
	});
}

function routes(result: Awaited<ReturnType<typeof acknowledge>>): { acknowledged: INodeExecutionData[]; failed: INodeExecutionData[] } {
	const [acknowledged = [], failed = []] = result.outputs(NODE);
	return { acknowledged, failed };
}

/** Get Changes (Execute Once) → Acknowledge, whose Acknowledged output leads back to Get Changes. */
function loop(ackParameters: IDataObject = {}) {
	const getChanges: INode = {
		...wangdiantongNode({ parameters: { resource: 'stockSync', operation: 'getChanges', shopNo: 'mall01', maxRecords: 40 } }),
		id: 'b6f1c4d2-0000-4000-8000-000000000014',
		name: 'Get Changes',
		executeOnce: true,
	};
	const ack: INode = { ...wangdiantongNode({ parameters: { ...acknowledgeParameters, ...ackParameters } }), name: 'Acknowledge', position: [600, 0] };
	const start = ackWorkflow([{}]);
	const main = (node: string) => ({ main: [[{ node, type: 'main' as const, index: 0 }]] });
	return {
		nodes: [start.nodes[0], getChanges, ack],
		connections: { Records: main('Get Changes'), 'Get Changes': main('Acknowledge'), Acknowledge: main('Get Changes') },
		pinData: start.pinData,
	};
}

describe('Get Changes', () => {
	test('one item per change, fields as the ERP sent them, rec_id as text, paired with the input', async () => {
		const seeded = gateway.seedStockChanges(3, 'mall01');
		const result = await runWorkflow({
			workflow: ackWorkflow([{}], { parameters: { resource: 'stockSync', operation: 'getChanges', shopNo: 'mall01', maxRecords: 2 } }),
			credentials: mockCredentials(gateway),
		});
		expect(result.status).toBe('success');
		const outputs = result.outputs(NODE);
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((item) => item.json)).toEqual(seeded.slice(0, 2).map((change) => ({ ...change })));
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(gateway.requests.map((r) => [r.api, r.params])).toEqual([['api_goods_stock_change_query', expect.objectContaining({ shop_no: 'mall01', limit: '2' })]]);
	});

	test('an unknown shop stops the node naming the operation, the shop and the ERP text', async () => {
		const result = await runWorkflow({
			workflow: ackWorkflow([{}], { parameters: { resource: 'stockSync', operation: 'getChanges', shopNo: 'nope' } }),
			credentials: mockCredentials(gateway),
		});
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE)?.message).toMatch(/^Get Changes failed for shop "nope": ERP error 1007 \(店铺不存在\)/);
	});
});

describe('Acknowledge', () => {
	test('237 changes: 3 signed batches of at most 100, all Acknowledged in order, the pool emptied', async () => {
		const changes = gateway.seedStockChanges(237);
		const result = await acknowledge(changes.map((change) => ({ ...change })));
		expect(result.status).toBe('success');
		const { acknowledged, failed } = routes(result);
		expect(failed).toEqual([]);
		expect(acknowledged.map((item) => item.pairedItem)).toEqual(changes.map((_, i) => ({ item: i })));
		expect(acknowledged[5].json).toEqual({
			...changes[5],
			wdtAck: { recId: changes[5].rec_id, syncStock: changes[5].sync_stock, stockChangeCount: changes[5].stock_change_count },
		});
		expect(ackCalls().map((_, i) => sent(i).length)).toEqual([100, 100, 37]);
		expect(gateway.stockPending()).toEqual([]);
	});

	test('sync_stock and stock_change_count are echoed exactly as they came: a number as that number, a text as that text', async () => {
		const [a, b] = gateway.seedStockChanges(2);
		const items = [
			{ rec_id: a.rec_id, sync_stock: a.sync_stock, stock_change_count: a.stock_change_count },
			{ rec_id: b.rec_id, sync_stock: String(b.sync_stock), stock_change_count: ` ${b.stock_change_count}` },
		];
		const { acknowledged } = routes(await acknowledge(items));
		expect(sent(0)).toEqual([
			{ rec_id: a.rec_id, sync_stock: a.sync_stock, stock_change_count: a.stock_change_count },
			{ rec_id: b.rec_id, sync_stock: String(b.sync_stock), stock_change_count: String(b.stock_change_count) },
		]);
		expect(acknowledged).toHaveLength(2);
		expect(gateway.stockPending()).toEqual([]);
	});

	test('an item without a usable rec_id, sync_stock or stock_change_count leaves on Failed naming the field, and is never sent', async () => {
		const [a, b, c, d] = gateway.seedStockChanges(4);
		const items: IDataObject[] = [
			{ ...a },
			{ ...b, stock_change_count: undefined },
			{ ...c, sync_stock: 'lots' },
			{ ...d, stock_change_count: -1 },
			{ rec_id: 'x', sync_stock: 1, stock_change_count: 1 },
			{ ...a },
		];
		const { acknowledged, failed } = routes(await acknowledge(items));
		expect(acknowledged.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(failed.map((item) => [item.pairedItem, (item.json.wdtAck as IDataObject).field])).toEqual([
			[{ item: 1 }, 'stock_change_count'],
			[{ item: 2 }, 'sync_stock'],
			[{ item: 3 }, 'stock_change_count'],
			[{ item: 4 }, 'rec_id'],
			[{ item: 5 }, 'rec_id'],
		]);
		expect((failed[0].json.wdtAck as IDataObject).error).toBe(
			'stock_change_count is missing: map it from the stock_change_count that Get Changes (api_goods_stock_change_query) returned',
		);
		expect((failed[1].json.wdtAck as IDataObject).error).toBe('sync_stock must be a number, exactly as Get Changes returned it, got the text "lots"');
		expect((failed[3].json.wdtAck as IDataObject).error).toMatch(/\(the rec_id from api_goods_stock_change_query\)/);
		expect((failed[4].json.wdtAck as IDataObject).error).toBe(`rec_id ${a.rec_id} already appears in item 0: each record is acknowledged once per run`);
		expect(sent(0).map((entry) => entry.rec_id)).toEqual([a.rec_id]);
	});

	test('a wrong secret with On Error = Stop names the batch and the ERP text, and says the next Get Changes returns the changes', async () => {
		const changes = gateway.seedStockChanges(20);
		const result = await runWorkflow({
			workflow: ackWorkflow(changes.map((change) => ({ ...change })), { parameters: acknowledgeParameters }),
			credentials: mockCredentials(gateway, { appSecret: 'wrong-secret' }),
		});
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE);
		expect(error?.message).toMatch(/^Wangdiantong did not acknowledge the batch: ERP error 100 \(签名错误\)/);
		expect(error?.description).toMatch(/^Not acknowledged: 20 \(still pending at the ERP: the next Get Changes returns them\)\.$/m);
		expect(JSON.stringify(error)).not.toContain('mock-secret');
		expect(gateway.stockPending()).toHaveLength(20);
	});

	test('called as an AI tool, output 0 carries every item, each saying whether the ERP took it', async () => {
		const registry = createRegistry();
		registry.addNodeType(`${NODE_TYPE}Tool`, new Wangdiantong());
		const [change] = gateway.seedStockChanges(1);
		const workflow = ackWorkflow([{ ...change }, { rec_id: 'nope' }], { parameters: acknowledgeParameters });
		workflow.nodes[1].type = `${NODE_TYPE}Tool`;
		const result = await runWorkflow({ workflow, registry, credentials: mockCredentials(gateway) });
		const [toAgent, failed] = result.outputs(NODE);
		expect(toAgent.map((item) => item.json.wdtAck)).toEqual([
			{ recId: change.rec_id, syncStock: change.sync_stock, stockChangeCount: change.stock_change_count, acknowledged: true },
			expect.objectContaining({ reason: 'invalid', field: 'rec_id', acknowledged: false }),
		]);
		expect(failed).toEqual([]);
	});
});

describe('the loop in one execution', () => {
	test('100 changes in rounds of 40: every change acknowledged once, then the loop ends', async () => {
		gateway.seedStockChanges(100, 'mall01');
		const result = await runWorkflow({ workflow: loop(), credentials: mockCredentials(gateway) });
		expect(result.status).toBe('success');
		expect(ackCalls().map((_, i) => sent(i).length)).toEqual([40, 40, 20]);
		expect(gateway.stockPending('mall01')).toEqual([]);
	});

	test('changes the ERP keeps offering (a stale count acknowledged) come once per execution, so the loop ends by itself', async () => {
		gateway.seedStockChanges(30, 'mall01');
		// Acknowledging with a count that is not the current one clears nothing at the ERP.
		const result = await runWorkflow({ workflow: loop({ stockChangeCount: '={{ $json.stock_change_count + 1000 }}' }), credentials: mockCredentials(gateway) });
		expect(result.status).toBe('success');
		expect(ackCalls()).toHaveLength(1);
		expect(gateway.requests.filter((r) => r.api === 'api_goods_stock_change_query')).toHaveLength(2);
		expect(gateway.stockPending('mall01')).toHaveLength(30);
	});
});

describe('what the ERP answers per change', () => {
	test('an unknown rec_id is refused by the ERP per record: Failed with its words; the rest of the batch is acknowledged', async () => {
		const [a, b] = gateway.seedStockChanges(2);
		const items = [{ ...a }, { rec_id: '424242', sync_stock: 5, stock_change_count: 1 }, { ...b }];
		const { acknowledged, failed } = routes(await acknowledge(items));
		expect(acknowledged.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failed.map((item) => [item.pairedItem, item.json.wdtAck])).toEqual([
			[{ item: 1 }, { recId: '424242', syncStock: 5, stockChangeCount: 1, reason: 'rejected', error: '记录不存在' }],
		]);
		expect(gateway.stockLedger.map((entry) => [entry.recId, entry.applied])).toEqual([
			[a.rec_id, true],
			[b.rec_id, true],
		]);
	});

	test('a change that happened after Get Changes: the ack is accepted, the change stays pending, and the next Get Changes returns it with the new count', async () => {
		const [change] = gateway.seedStockChanges(1, 'mall01');
		gateway.changeStock(change.rec_id, 7);
		const { acknowledged } = routes(await acknowledge([{ ...change }]));
		expect(acknowledged).toHaveLength(1);
		expect(gateway.stockLedger.map((entry) => entry.applied)).toEqual([false]);
		expect(gateway.stockPending('mall01')).toEqual([{ ...change, sync_stock: 7, stock_change_count: change.stock_change_count + 1 }]);
	});

	test('in a loop, a change that arrives during the run is returned again with its new count and acknowledged with it', async () => {
		await gateway.close();
		// The first SKU's stock changes once the first query has been answered, before its ack.
		let queries = 0;
		gateway = await MockGateway.start({
			onRequest: (request) => {
				if (request.api === 'api_goods_stock_change_query' && ++queries === 1) gateway.changeStock(changes[0].rec_id, 99);
			},
		});
		const changes = gateway.seedStockChanges(3, 'mall01');
		const result = await runWorkflow({ workflow: loop(), credentials: mockCredentials(gateway) });
		expect(result.status).toBe('success');
		expect(ackCalls().map((_, i) => sent(i).map((entry) => [entry.rec_id, entry.sync_stock]))).toEqual([
			changes.map((c) => [c.rec_id, c.sync_stock]),
			[[changes[0].rec_id, 99]],
		]);
		expect(gateway.stockLedger.map((entry) => [entry.recId, entry.applied])).toEqual([
			[changes[0].rec_id, false],
			[changes[1].rec_id, true],
			[changes[2].rec_id, true],
			[changes[0].rec_id, true],
		]);
		expect(gateway.stockPending('mall01')).toEqual([]);
	});
});
