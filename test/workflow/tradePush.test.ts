/**
 * Trade → Push through n8n's real execution engine, against the mock gateway's trade_push over
 * real HTTP. What every batched operation shares (limits, 1012, cancel) is in batchedEngine.test.ts
 * and the reliability suites; this file pins what is Trade Push's own.
 */
import type { IDataObject } from 'n8n-workflow';

import { Wangdiantong } from '../../nodes/Wangdiantong/Wangdiantong.node';
import { createRegistry, runWorkflow } from '../harness';
import { MockGateway, type MockGatewayOptions } from '../mock/gateway';
import { order } from '../fixtures/orders';
import { ackWorkflow, mockCredentials, NODE, NODE_TYPE, runOperation, type WangdiantongNodeOptions } from './ackWorkflow';

let gateway: MockGateway;
async function start(options: MockGatewayOptions = {}) {
	gateway = await MockGateway.start(options);
	gateway.addShop('mall01');
}
afterEach(async () => await gateway.close());

const pushParameters = { resource: 'trade', operation: 'push', shopNo: 'mall01' };
const pushCalls = () => gateway.requests.filter((r) => r.api === 'trade_push');
const sentTids = (index: number): string[] =>
	(JSON.parse(pushCalls()[index].params.trade_list) as IDataObject[]).map((trade) => String(trade.tid));

const push = async (items: IDataObject[], options: WangdiantongNodeOptions = {}) => await runOperation(gateway, pushParameters, items, options);

const orders = (count: number, prefix = 'T') => Array.from({ length: count }, (_, i) => order(`${prefix}${i}`));

test('120 orders: 3 signed calls of at most 50 to the shop, every order Pushed with its call’s counts, dates as Beijing time', async () => {
	await start();
	const items = orders(120);
	const { result, done: pushed, failed } = await push(items);
	expect(result.status).toBe('success');
	expect(failed).toEqual([]);
	expect(pushed.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	expect(pushed[0].json).toEqual({ ...items[0], wdtPush: { tid: 'T0', newCount: 50, chgCount: 0 } });
	expect(pushed[119].json.wdtPush).toEqual({ tid: 'T119', newCount: 20, chgCount: 0 });
	expect(pushCalls().map((call) => [call.params.shop_no, sentTids(pushCalls().indexOf(call)).length])).toEqual([
		['mall01', 50],
		['mall01', 50],
		['mall01', 20],
	]);
	const [first] = JSON.parse(pushCalls()[0].params.trade_list) as IDataObject[];
	expect(first).toMatchObject({ trade_time: '2026-12-06 09:30:00', pay_time: '2026-12-06 09:31:00', order_list: items[0].order_list });
	expect(gateway.tradeLedger.map((entry) => [entry.tid, entry.created])).toEqual(items.map((item) => [item.tid, true]));
});

test('pushing the same orders again updates them: Pushed with the call’s changed count', async () => {
	await start();
	const items = orders(3);
	await push(items);
	const { done: pushed } = (await push(items.map((item) => ({ ...item, seller_memo: '改了' }))));
	expect(pushed.map((item) => item.json.wdtPush)).toEqual(items.map((item) => ({ tid: item.tid, newCount: 0, chgCount: 3 })));
	expect(gateway.tradeLedger.map((entry) => entry.created)).toEqual([true, true, true, false, false, false]);
});

test('an order that fails the checks leaves on Failed with the field and the value, and is never sent', async () => {
	await start();
	const items = [order('A'), order('B', { trade_status: 35 }), order('C', { order_list: [] }), order('A'), order('D')];
	const { done: pushed, failed } = (await push(items));
	expect(pushed.map((item) => item.json.tid)).toEqual(['A', 'D']);
	expect(failed.map((item) => [item.pairedItem, item.json.wdtPush])).toEqual([
		[{ item: 1 }, { reason: 'invalid', field: 'trade_status', error: expect.stringMatching(/^trade_status must be one of .* got the number 35$/) }],
		[{ item: 2 }, { reason: 'invalid', field: 'order_list', error: 'order_list is empty: an order needs at least one line' }],
		[{ item: 3 }, { reason: 'invalid', field: 'tid', error: 'tid A already appears in item 0: each order is pushed once per run', tid: 'A' }],
	]);
	expect(sentTids(0)).toEqual(['A', 'D']);
});

test('Invalid Items = Stop: nothing is sent, the error names the first bad item and its field', async () => {
	await start();
	const { result } = await push([order('A'), order('B', { paid: 'lots' })], { parameters: { options: { invalidItems: 'stop' } } });
	expect(result.status).toBe('error');
	expect(result.nodeError(NODE)?.message).toMatch(/^Item 1: paid must be an amount/);
	expect(pushCalls()).toEqual([]);
});

describe.each([false, true])('the ERP refuses some orders of a call by tid (it saves the others: %s)', (savesOthers) => {
	test('the refused go to Failed in the ERP’s words; the others are pushed again without them and reported by that answer', async () => {
		await start({ tradeRefusalSavesOthers: savesOthers });
		// Cash on delivery with nothing to collect: our checks pass it, the ERP's own rule refuses it.
		const items = [order('A'), order('COD', { delivery_term: 2, cod_amount: 0 }), order('B')];
		const { done: pushed, failed } = (await push(items));
		expect(failed.map((item) => [item.pairedItem, item.json.wdtPush])).toEqual([
			[{ item: 1 }, { tid: 'COD', reason: 'rejected', error: '货到付款订单COD金额不能为0' }],
		]);
		expect(pushed.map((item) => item.json.wdtPush)).toEqual([
			{ tid: 'A', newCount: savesOthers ? 0 : 2, chgCount: savesOthers ? 2 : 0 },
			{ tid: 'B', newCount: savesOthers ? 0 : 2, chgCount: savesOthers ? 2 : 0 },
		]);
		expect(pushCalls().map((_, i) => sentTids(i))).toEqual([['A', 'COD', 'B'], ['A', 'B']]);
		expect(gateway.tradeLedger.map((entry) => entry.tid)).toEqual(savesOthers ? ['A', 'B', 'A', 'B'] : ['A', 'B']);
	});
});

test('a call refused as a whole with On Error = Stop says what was and was not pushed', async () => {
	await start();
	const { result } = await push(orders(3), { parameters: { shopNo: 'nope' } });
	expect(result.status).toBe('error');
	const error = result.nodeError(NODE);
	expect(error?.message).toMatch(/^Wangdiantong did not push the batch: ERP error \d+ \(无效店铺编号\)/);
	expect(error?.description).toMatch(/^Not pushed: 3 \(not in the ERP from this run: push them again, a re-push is an update\)\.$/m);
});

test('a call refused as a whole with On Error = Continue: its orders on Failed with the ERP’s code and words', async () => {
	await start();
	const { done: pushed, failed } = (await push(orders(2), { parameters: { shopNo: 'nope' }, onError: 'continueRegularOutput' }));
	expect(pushed).toEqual([]);
	expect(failed.map((item) => item.json.wdtPush)).toEqual([
		expect.objectContaining({ tid: 'T0', reason: 'request_failed', error: expect.stringContaining('无效店铺编号') }),
		expect.objectContaining({ tid: 'T1', reason: 'request_failed' }),
	]);
});

test('an answer lost after the ERP saved the call is retried: the re-push updates, every order Pushed once in the ERP', async () => {
	await start();
	gateway.injectFault({ kind: 'reset', when: 'after' }, { api: 'trade_push' });
	const { done: pushed, failed } = (await push(orders(2), { parameters: { options: { retryWait: 5 } } }));
	expect(failed).toEqual([]);
	expect(pushed.map((item) => item.json.wdtPush)).toEqual([
		{ tid: 'T0', newCount: 0, chgCount: 2 },
		{ tid: 'T1', newCount: 0, chgCount: 2 },
	]);
	expect(gateway.tradeLedger.map((entry) => entry.created)).toEqual([true, true, false, false]);
});

test('Map Each Column Manually: the mapped fields, expressions and n8n’s $now included, make the order', async () => {
	await start();
	const source = order('M1');
	const value: IDataObject = {};
	for (const key of Object.keys(source)) if (key !== 'order_list') value[key] = `={{ $json.${key} }}`;
	value.trade_time = '={{ $now }}';
	const { done: pushed, failed } = await push([{ ...source, tid: undefined, shop_order: 'M1' }], {
		parameters: { trade: { mappingMode: 'defineBelow', value: { ...value, tid: '={{ $json.shop_order }}' } } },
	});
	expect(failed).toEqual([]);
	expect(pushed.map((item) => item.json.wdtPush)).toEqual([{ tid: 'M1', newCount: 1, chgCount: 0 }]);
	const [sent] = JSON.parse(pushCalls()[0].params.trade_list) as IDataObject[];
	expect(sent.trade_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	expect(sent).toMatchObject({ tid: 'M1', paid: source.paid, order_list: source.order_list });
});

test('called as an AI tool, output 0 carries every order, each saying whether the ERP took it', async () => {
	await start();
	const registry = createRegistry();
	registry.addNodeType(`${NODE_TYPE}Tool`, new Wangdiantong());
	const workflow = ackWorkflow([order('A'), order('B', { paid: undefined })], { parameters: pushParameters });
	workflow.nodes[1].type = `${NODE_TYPE}Tool`;
	const result = await runWorkflow({ workflow, registry, credentials: mockCredentials(gateway) });
	const [toAgent, failed] = result.outputs(NODE);
	expect(toAgent.map((item) => item.json.wdtPush)).toEqual([
		{ tid: 'A', newCount: 1, chgCount: 0, pushed: true },
		expect.objectContaining({ reason: 'invalid', field: 'paid', pushed: false }),
	]);
	expect(failed).toEqual([]);
});
