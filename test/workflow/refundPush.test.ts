/**
 * Refund → Push through n8n's real execution engine, against the mock gateway's sales_refund_push
 * over real HTTP. What every batched operation shares is in batchedEngine.test.ts and the
 * reliability suites; this file pins what is Refund Push's own.
 */
import type { IDataObject } from 'n8n-workflow';

import { MockGateway } from '../mock/gateway';
import { REFUND_TRADE_NOT_FOUND } from '../mock/messages';
import { refund } from '../fixtures/orders';
import { NODE, runOperation, type WangdiantongNodeOptions } from './ackWorkflow';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
	gateway.addPushedTrades(Array.from({ length: 30 }, (_, i) => ({ tid: `T${i}` })), 'mall01');
});
afterEach(async () => await gateway.close());

const pushParameters = { resource: 'refund', operation: 'push', shopNo: 'mall01' };
const pushCalls = () => gateway.requests.filter((r) => r.api === 'sales_refund_push');
const sent = (index: number): IDataObject[] => JSON.parse(pushCalls()[index].params.api_refund_list) as IDataObject[];

const push = async (items: IDataObject[], options: WangdiantongNodeOptions = {}) => await runOperation(gateway, pushParameters, items, options);

test('25 refunds: 3 calls of at most 10, each refund with the shop filled in and its time in Beijing time, all Pushed', async () => {
	const items = Array.from({ length: 25 }, (_, i) => refund(`R${i}`, `T${i}`, { shop_no: 'someone-else', platform_id: 1 }));
	const { done: pushed, failed } = await push(items);
	expect(failed).toEqual([]);
	expect(pushed.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	expect(pushed[24].json.wdtPush).toEqual({ refundNo: 'R24', newCount: 5, chgCount: 0 });
	expect(pushCalls().map((_, i) => sent(i).length)).toEqual([10, 10, 5]);
	expect(sent(0)[0]).toEqual({ ...items[0], platform_id: 127, shop_no: 'mall01', refund_time: '2026-12-07 10:00:00' });
	expect(gateway.refundLedger.map((entry) => [entry.refundNo, entry.created])).toEqual(items.map((item) => [item.refund_no, true]));
});

test('what the sources disagree on is the ERP’s to judge: any status and type value is sent', async () => {
	const { done: pushed } = (await push([refund('R1', 'T1', { status: 'success', type: 3 })]));
	expect(pushed).toHaveLength(1);
	expect(sent(0)[0]).toMatchObject({ status: 'success', type: 3 });
});

test('a refund that fails the checks leaves on Failed with the field and the value, and is never sent', async () => {
	const items = [
		refund('R1', 'T1'),
		refund('', 'T2'),
		refund('R3', 'T3', { refund_time: 'yesterday' }),
		refund('R4', 'T4', { order_list: [{ oid: 'T4-1', num: 'one' }] }),
		refund('R5', 'T5', { type: 'return' }),
		refund('R1', 'T6'),
	];
	const { done: pushed, failed } = (await push(items));
	expect(pushed.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	expect(failed.map((item) => [item.pairedItem, (item.json.wdtPush as IDataObject).field, (item.json.wdtPush as IDataObject).error])).toEqual([
		[{ item: 1 }, 'refund_no', 'refund_no is missing: the ERP requires it (退款单号)'],
		[{ item: 2 }, 'refund_time', expect.stringMatching(/^refund_time must be a date-time .*got the text "yesterday"$/)],
		[{ item: 3 }, 'order_list', expect.stringMatching(/^order_list\[0\]\.num must be an amount .*got the text "one"$/)],
		[{ item: 4 }, 'type', 'type must be a whole number, got the text "return"'],
		[{ item: 5 }, 'refund_no', 'refund_no R1 already appears in item 0: each refund is pushed once per run'],
	]);
	expect(sent(0).map((entry) => entry.refund_no)).toEqual(['R1']);
});

test('a refund of an order the ERP does not have: its call is refused as a whole in the ERP’s words; the calls after it go through', async () => {
	const items = [refund('RX', 'NOT-PUSHED'), ...Array.from({ length: 10 }, (_, i) => refund(`R${i}`, `T${i}`))];
	const { done: pushed, failed } = await push(items, { parameters: { options: { batchSize: 1 } }, onError: 'continueRegularOutput' });
	expect(pushed).toHaveLength(10);
	expect(failed.map((item) => item.json.wdtPush)).toEqual([
		expect.objectContaining({ refundNo: 'RX', reason: 'request_failed', code: '100', error: expect.stringContaining(REFUND_TRADE_NOT_FOUND) }),
	]);
});

test('On Error = Stop: the refused call stops the node, saying what was and was not pushed', async () => {
	const items = [...Array.from({ length: 10 }, (_, i) => refund(`R${i}`, `T${i}`)), refund('RX', 'NOT-PUSHED')];
	const { result } = await push(items);
	expect(result.status).toBe('error');
	const error = result.nodeError(NODE);
	expect(error?.message).toMatch(new RegExp(`^Wangdiantong did not push batch 2 of 2: ERP error 100 \\(.*${REFUND_TRADE_NOT_FOUND}`));
	expect(error?.description).toMatch(/^Pushed: 10\.\nNot pushed: 1 /);
});
