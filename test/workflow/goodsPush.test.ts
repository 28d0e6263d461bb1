/**
 * Goods Spec → Push through n8n's real execution engine, against the mock gateway's
 * api_goodsspec_push over real HTTP. What every batched operation shares is in
 * batchedEngine.test.ts and the reliability suites; this file pins what is Goods Push's own.
 */
import type { IDataObject } from 'n8n-workflow';

import { GOODS_NO_WARNING } from '../../nodes/Wangdiantong/actions/goods/push/sku';
import { MockGateway } from '../mock/gateway';
import { fieldMissing } from '../mock/messages';
import { sku } from '../fixtures/orders';
import { runOperation, type WangdiantongNodeOptions } from './ackWorkflow';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
	gateway.addShop('mall01');
});
afterEach(async () => await gateway.close());

const pushParameters = { resource: 'goods', operation: 'push', shopNo: 'mall01' };
const pushCalls = () => gateway.requests.filter((r) => r.api === 'api_goodsspec_push');
const sent = (index: number): IDataObject => JSON.parse(pushCalls()[index].params.api_goods_info) as IDataObject;

const push = async (items: IDataObject[], options: WangdiantongNodeOptions = {}) => await runOperation(gateway, pushParameters, items, options);

test('a catalogue of 4,500 SKUs goes as 3 calls of at most 2,000 rows, each one object with platform 127 and the shop', async () => {
	const items = Array.from({ length: 4500 }, (_, i) => sku(`G${Math.floor(i / 3)}`, `S${i % 3}`));
	const { done: pushed, failed } = (await push(items));
	expect(failed).toEqual([]);
	expect(pushed).toHaveLength(4500);
	expect(pushed[4499].json.wdtPush).toEqual({ goodsId: 'G1499', specId: 'S2', newCount: 500, chgCount: 0 });
	expect(pushCalls().map((_, i) => [sent(i).platform_id, sent(i).shop_no, (sent(i).goods_list as unknown[]).length])).toEqual([
		[127, 'mall01', 2000],
		[127, 'mall01', 2000],
		[127, 'mall01', 500],
	]);
	expect(gateway.goodsSpecLedger).toHaveLength(4500);
});

test('rows the ERP refuses in `errors` go to Failed in its words; the rest of the call is Pushed', async () => {
	// A product with two SKUs, one without a spec_id: the ERP refuses the empty one.
	const items = [sku('G1', 'A'), sku('G1', ''), sku('G2', 'A')];
	const { done: pushed, failed } = (await push(items));
	expect(pushed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
	expect(failed.map((item) => [item.pairedItem, item.json.wdtPush])).toEqual([
		[{ item: 1 }, { goodsId: 'G1', specId: '', reason: 'rejected', error: fieldMissing('spec_id') }],
	]);
});

test('a row that fails the checks leaves on Failed with the field, and is never sent; an empty goods_no only warns', async () => {
	const items = [
		sku('G1', 'A', { goods_no: '' }),
		sku('G2', 'A', { status: 3 }),
		sku('G3', 'A', { spec_no: undefined }),
		sku('G4', 'A', { price: 'free' }),
		sku('G1', 'A'),
	];
	const { done: pushed, failed } = (await push(items));
	expect(pushed.map((item) => item.json.wdtPush)).toEqual([{ goodsId: 'G1', specId: 'A', warning: GOODS_NO_WARNING, newCount: 1, chgCount: 0 }]);
	expect(failed.map((item) => [item.pairedItem, (item.json.wdtPush as IDataObject).field, (item.json.wdtPush as IDataObject).error])).toEqual([
		[{ item: 1 }, 'status', 'status must be one of 0 (删除), 1 (在架), 2 (下架), got the number 3'],
		[{ item: 2 }, 'spec_no', 'spec_no is missing: the ERP requires it (商家编码)'],
		[{ item: 3 }, 'price', expect.stringMatching(/^price must be an amount .*got the text "free"$/)],
		[{ item: 4 }, 'goods_id', 'the SKU G1/A (goods_id/spec_id) already appears in item 0: each SKU is pushed once per run'],
	]);
	expect((sent(0).goods_list as IDataObject[]).map((row) => row.goods_id)).toEqual(['G1']);
});

test('pushing the same SKUs again updates them', async () => {
	await push([sku('G1', 'A')]);
	const { done: pushed } = (await push([sku('G1', 'A', { status: 2 })]));
	expect(pushed[0].json.wdtPush).toEqual({ goodsId: 'G1', specId: 'A', newCount: 0, chgCount: 1 });
});
