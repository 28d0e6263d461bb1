/**
 * api_goodsspec_push.php (docs/PROTOCOL.md, "api_goodsspec_push"): one api_goods_info object, rows
 * created or updated by shop + goods_id + spec_id, refused rows in `errors` of a code-0 answer, the
 * refusals of the call as a whole (the shop, platform_id, at most 2000 rows), and the ledger.
 */
import { MockGateway } from '../mock/gateway';
import * as say from '../mock/messages';
import { post, signed, useGateway } from './helpers';

const SCRIPT = 'api_goodsspec_push.php';
const SHOP = 'shop-own';

type Json = Record<string, unknown>;

const row = (goodsId: string, specId: string, fields: Json = {}): Json => ({
	goods_id: goodsId, spec_id: specId, goods_no: `NO-${goodsId}`, spec_no: `NO-${goodsId}-${specId}`, status: 1,
	goods_name: '保温杯', spec_name: '500ml', price: '59.00', stock_num: 12, ...fields,
});
const info = (rows: unknown, fields: Json = {}): Json => ({ platform_id: 127, shop_no: SHOP, goods_list: rows, ...fields });

const at = useGateway();
const pushInfo = (value: unknown, gw = at.gw) =>
	post(gw, SCRIPT, signed({ api_goods_info: typeof value === 'string' ? value : JSON.stringify(value) }));
const saved = (counts: { new_count: number; chg_count: number }, errors: unknown[] = []) => ({ code: 0, message: '', ...counts, errors });

beforeEach(() => at.gw.addShop(SHOP));

describe('rows', () => {
	it('are created for a new shop + goods_id + spec_id and updated for a known one', async () => {
		expect((await pushInfo(info([row('A', '1'), row('A', '2')]))).json).toEqual(saved({ new_count: 2, chg_count: 0 }));
		const changed = row('A', '1', { status: 2, price: 49 });
		expect((await pushInfo(info([changed, row('B', '1')]))).json).toEqual(saved({ new_count: 1, chg_count: 1 }));
		at.gw.addShop('shop-two');
		expect((await pushInfo(info([row('A', '1')], { shop_no: 'shop-two', platform_id: '127' }))).json).toEqual(saved({ new_count: 1, chg_count: 0 }));
		expect(at.gw.pushedGoodsSpec(SHOP, 'A', '1')).toEqual({ shopNo: SHOP, goodsId: 'A', specId: '1', requestNumber: 2, row: changed });
		expect(at.gw.pushedGoodsSpec(SHOP, 'B', '2')).toBeUndefined();
		expect(at.gw.goodsSpecLedger).toEqual([
			{ shopNo: SHOP, goodsId: 'A', specId: '1', requestNumber: 1, created: true },
			{ shopNo: SHOP, goodsId: 'A', specId: '2', requestNumber: 1, created: true },
			{ shopNo: SHOP, goodsId: 'A', specId: '1', requestNumber: 2, created: false },
			{ shopNo: SHOP, goodsId: 'B', specId: '1', requestNumber: 2, created: true },
			{ shopNo: 'shop-two', goodsId: 'A', specId: '1', requestNumber: 3, created: true },
		]);
	});

	it('are refused one by one in errors of a code-0 answer, the others saved', async () => {
		const rows = [
			row('A', '1'),
			row('', '1'),
			row('B', '1', { spec_no: '' }),
			row('C', '1', { status: undefined }),
			row('D', '1', { status: 0 }),
			row('A', '1', { price: 1 }),
			row(7 as unknown as string, '9'),
		];
		expect((await pushInfo(info(rows))).json).toEqual(
			saved({ new_count: 3, chg_count: 0 }, [
				{ goods_id: '', spec_id: '1', error: say.fieldMissing('goods_id') },
				{ goods_id: 'B', spec_id: '1', error: say.fieldMissing('spec_no') },
				{ goods_id: 'C', spec_id: '1', error: say.fieldMissing('status') },
				{ goods_id: 'A', spec_id: '1', error: say.GOODS_SPEC_DUPLICATE },
			]),
		);
		expect(at.gw.pushedGoodsSpec(SHOP, 'A', '1')?.row.price).toBe('59.00');
		expect(at.gw.goodsSpecLedger.map((e) => `${e.goodsId}/${e.specId}`)).toEqual(['A/1', 'D/1', '7/9']);
	});

	it('may leave spec_id empty for a product of one SKU only', async () => {
		const answer = await pushInfo(info([row('SOLO', '', { spec_id: undefined }), row('PAIR', ''), row('PAIR', 'red')]));
		expect(answer.json).toEqual(saved({ new_count: 2, chg_count: 0 }, [{ goods_id: 'PAIR', spec_id: '', error: say.fieldMissing('spec_id') }]));
		expect(at.gw.pushedGoodsSpec(SHOP, 'SOLO')?.specId).toBe('');
		// A SKU saved before counts too, and an empty spec_id saved before stays what it was.
		expect((await pushInfo(info([row('PAIR', '')]))).json.errors).toEqual([{ goods_id: 'PAIR', spec_id: '', error: say.fieldMissing('spec_id') }]);
		expect((await pushInfo(info([row('SOLO', '')]))).json).toEqual(saved({ new_count: 0, chg_count: 1 }));
		// Another shop's SKUs of a product with the same id are another product.
		at.gw.addShop('shop-two');
		expect((await pushInfo(info([row('PAIR', '')], { shop_no: 'shop-two' }))).json).toEqual(saved({ new_count: 1, chg_count: 0 }));
	});

	it('takes 2000 rows in one call, and leaves an empty errors out with omitEmptyErrors', async () => {
		const rows = Array.from({ length: 2000 }, (_, i) => row(`G${i}`, '1'));
		expect((await pushInfo(info(rows))).json).toEqual(saved({ new_count: 2000, chg_count: 0 }));
		const gw = await MockGateway.start({ omitEmptyErrors: true });
		try {
			gw.addShop(SHOP);
			expect((await pushInfo(info([row('A', '1')]), gw)).text).toBe('{"code":0,"message":"","new_count":1,"chg_count":0}');
		} finally {
			await gw.close();
		}
	});
});

describe('refusals of the call as a whole, plain text, code 100, nothing saved', () => {
	it.each([
		['no api_goods_info', '', say.missingParam('api_goods_info')],
		['unreadable', '{"shop_no":', say.listInvalid('api_goods_info')],
		['a list, not one object', [info([row('A', '1')])], say.listInvalid('api_goods_info')],
		['an unknown shop', info([row('A', '1')], { shop_no: 'nowhere' }), say.SHOP_INVALID],
		['a disabled shop', info([row('A', '1')], { shop_no: 'shop-off' }), say.SHOP_DISABLED],
		['a shop of another platform', info([row('A', '1')], { shop_no: 'shop-tb', platform_id: 1 }), say.SHOP_NOT_SELF_BUILT],
		['a platform_id other than the shop’s', info([row('A', '1')], { platform_id: 1 }), say.PLATFORM_MISMATCH],
		['no platform_id', info([row('A', '1')], { platform_id: undefined }), say.PLATFORM_MISMATCH],
		['no goods_list', info(undefined), say.GOODS_LIST_EMPTY],
		['an empty goods_list', info([]), say.GOODS_LIST_EMPTY],
		['a goods_list that is one object', info(row('A', '1')), say.listInvalid('goods_list')],
		['a goods_list of non-objects', info(['A']), say.listInvalid('goods_list')],
		['more than 2000 rows', info(Array.from({ length: 2001 }, (_, i) => row(`G${i}`, '1'))), say.GOODS_LIST_TOO_LONG],
	])('%s', async (_, value, message) => {
		at.gw.addShop('shop-off', { disabled: true });
		at.gw.addShop('shop-tb', { platformId: 1 });
		expect((await pushInfo(value)).json).toEqual({ code: say.CODE_PUSH_REFUSED, message });
		expect(at.gw.goodsSpecLedger).toEqual([]);
	});

	it('words a platform mismatch as the other edition does', () => {
		expect(say.PLATFORM_MISMATCH).toBe('shop_no 对应的店铺所属的平台 与 传入platform_id 不一致');
	});
});

describe('reset', () => {
	it('empties the rows and their ledger', async () => {
		await pushInfo(info([row('A', '1')]));
		at.gw.reset();
		expect([at.gw.goodsSpecLedger, at.gw.pushedGoodsSpec(SHOP, 'A', '1'), at.gw.goodsSpecIds(SHOP, 'A')]).toEqual([[], undefined, []]);
	});
});
