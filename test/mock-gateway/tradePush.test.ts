/**
 * trade_push.php (docs/PROTOCOL.md, "trade_push"): the shop and trade_list refusals in the vendor's
 * words, each order's refusals listed by tid in the JSON text of `message`, create versus update by
 * tid, the option that saves the valid orders of a refused call, and the trade ledger.
 */
import { MockGateway } from '../mock/gateway';
import * as say from '../mock/messages';
import { post, signed, useGateway } from './helpers';

const SCRIPT = 'trade_push.php';
const SHOP = 'shop-own';

type Json = Record<string, unknown>;

/** A line of 2 × 19.90, nothing refunded. */
const line = (oid: string, fields: Json = {}): Json => ({
	oid, num: 2, price: '19.90', status: 30, refund_status: 0, goods_id: 'G-1', goods_name: '保温杯', spec_no: 'SKU-1',
	adjust_amount: 0, discount: 0, share_discount: 0, ...fields,
});

/** A paid order, paid before shipping: one line (39.80) plus 10 postage, so paid 49.80. */
const order = (tid: string, fields: Json = {}): Json & { tid: string } => ({
	tid, trade_status: 30, pay_status: 2, delivery_term: 1, trade_time: '2024-05-01 10:00:00', pay_time: '2024-05-01 10:01:00',
	buyer_nick: '张三', receiver_name: '张三', receiver_mobile: '13800000000', receiver_address: '北京 北京市 海淀区 中关村大街1号',
	post_amount: 10, cod_amount: 0, ext_cod_fee: 0, paid: 49.8, order_list: [line(`${tid}-1`)], ...fields,
});

const at = useGateway();
const push = (business: Record<string, string>, gw = at.gw) => post(gw, SCRIPT, signed(business));
const pushTrades = (trades: unknown, shopNo = SHOP, gw = at.gw) =>
	push({ shop_no: shopNo, trade_list: typeof trades === 'string' ? trades : JSON.stringify(trades) }, gw);
/** The orders a refused answer lists, from the JSON text of its message. */
const listed = (answer: { json: Json }): unknown => JSON.parse(answer.json.message as string);

beforeEach(() => at.gw.addShop(SHOP));

describe('a call whose orders are all valid', () => {
	it('creates the tids it has not seen and updates the ones it has, and says how many of each', async () => {
		expect((await pushTrades([order('T1'), order('T2')])).json).toEqual({ code: 0, message: '', new_count: 2, chg_count: 0 });
		const changed = order('T1', { trade_status: 50, seller_memo: '已发货' });
		const answer = await push({ shop_no: SHOP, trade_list: JSON.stringify([changed, order('T3')]), switch: '1' });
		expect(answer.json).toEqual({ code: 0, message: '', new_count: 1, chg_count: 1 });
		expect(at.gw.pushedTrade('T1')).toEqual({ tid: 'T1', shopNo: SHOP, requestNumber: 2, trade: changed });
		expect(at.gw.pushedTrade('T2')).toEqual({ tid: 'T2', shopNo: SHOP, requestNumber: 1, trade: order('T2') });
		expect(at.gw.pushedTrade('T4')).toBeUndefined();
	});

	it('ledgers every save in order, a tid twice in one list being a create then an update', async () => {
		await pushTrades([order('T1')]);
		const answer = await pushTrades([order('T2'), order('T1'), order('T2', { seller_memo: '改' })]);
		expect(answer.json).toEqual({ code: 0, message: '', new_count: 1, chg_count: 2 });
		expect(at.gw.tradeLedger).toEqual([
			{ tid: 'T1', requestNumber: 1, created: true },
			{ tid: 'T2', requestNumber: 2, created: true },
			{ tid: 'T1', requestNumber: 2, created: false },
			{ tid: 'T2', requestNumber: 2, created: false },
		]);
		expect(at.gw.pushedTrade('T2')?.trade.seller_memo).toBe('改');
	});

	it('keeps each order as sent: numbers and text as they came, an integer beyond 2^53 as its digits', async () => {
		const big = '{"tid":9223372036854775815,"trade_status":"30","delivery_term":1,"post_amount":"0","paid":"39.80","order_list":[{"oid":12,"num":2,"price":19.9}]}';
		expect((await pushTrades(`[${big}]`)).json).toMatchObject({ code: 0, new_count: 1 });
		const kept = at.gw.pushedTrade('9223372036854775815');
		expect(kept?.trade).toEqual({
			tid: '9223372036854775815', trade_status: '30', delivery_term: 1, post_amount: '0', paid: '39.80',
			order_list: [{ oid: 12, num: 2, price: 19.9 }],
		});
		// What a test reads is a copy.
		(kept?.trade as Json).paid = '0';
		expect(at.gw.pushedTrade('9223372036854775815')?.trade.paid).toBe('39.80');
	});

	it('updates an order a test added before, without ledgering the added one', async () => {
		at.gw.addPushedTrades([order('T9')], 'shop-seeded');
		expect(at.gw.pushedTrade('T9')).toEqual({ tid: 'T9', shopNo: 'shop-seeded', requestNumber: 0, trade: order('T9') });
		expect((await pushTrades([order('T9')], 'shop-seeded')).json).toEqual({ code: 0, message: '', new_count: 0, chg_count: 1 });
		expect(at.gw.tradeLedger).toEqual([{ tid: 'T9', requestNumber: 1, created: false }]);
	});

	it('takes 50 orders in one call', async () => {
		const fifty = Array.from({ length: 50 }, (_, i) => order(`T${i}`));
		expect((await pushTrades(fifty)).json).toEqual({ code: 0, message: '', new_count: 50, chg_count: 0 });
	});
});

describe('refusals of the call as a whole, plain text, code 100, nothing saved', () => {
	it.each([
		['an unknown shop', () => undefined, 'nowhere', say.SHOP_INVALID],
		['no shop_no at all', () => undefined, undefined, say.SHOP_INVALID],
		['a disabled shop', (gw: MockGateway) => gw.addShop('shop-off', { disabled: true }), 'shop-off', say.SHOP_DISABLED],
		['a shop of another platform', (gw: MockGateway) => gw.addShop('shop-tb', { platformId: 1 }), 'shop-tb', say.SHOP_NOT_SELF_BUILT],
	])('%s', async (_, prepare, shopNo, message) => {
		prepare(at.gw);
		const business = { trade_list: JSON.stringify([order('T1')]), ...(shopNo === undefined ? {} : { shop_no: shopNo }) };
		expect((await push(business)).json).toEqual({ code: say.CODE_PUSH_REFUSED, message });
		expect([at.gw.tradeLedger, at.gw.pushedTrade('T1')]).toEqual([[], undefined]);
	});

	it('serves a shop again once its traits change back; a shop made known otherwise is self-built', async () => {
		at.gw.addShop(SHOP, { disabled: true, platformId: 1 });
		expect((await pushTrades([order('T1')])).json.message).toBe(say.SHOP_DISABLED);
		at.gw.addShop(SHOP, { disabled: false });
		expect((await pushTrades([order('T1')])).json.message).toBe(say.SHOP_NOT_SELF_BUILT);
		at.gw.addShop(SHOP, { platformId: 127 });
		expect((await pushTrades([order('T1')])).json.code).toBe(0);
		at.gw.seedPending(1, { shopNo: 'shop-logistics' });
		expect((await pushTrades([order('T2')], 'shop-logistics')).json.code).toBe(0);
		expect(say.CODE_PUSH_REFUSED).toBe(100);
	});

	it.each([
		[undefined, say.TRADE_LIST_EMPTY],
		['', say.TRADE_LIST_EMPTY],
		['[]', say.TRADE_LIST_EMPTY],
		['not json', say.TRADE_LIST_UNPARSABLE],
		['[{"tid":"T1"}', say.TRADE_LIST_UNPARSABLE],
		['null', say.TRADE_LIST_UNPARSABLE],
		['{"tid":"T1"}', say.TRADE_LIST_MALFORMED],
		['{"0":{"tid":"T1"}}', say.TRADE_LIST_MALFORMED],
		['"T1"', say.TRADE_LIST_MALFORMED],
		['[1]', say.TRADE_LIST_MALFORMED],
		['[[]]', say.TRADE_LIST_MALFORMED],
	])('trade_list %p', async (list, message) => {
		const answer = await push(list === undefined ? { shop_no: SHOP } : { shop_no: SHOP, trade_list: list });
		expect(answer.json).toEqual({ code: 100, message });
		expect(at.gw.tradeLedger).toEqual([]);
	});

	it('more than 50 orders, however valid', async () => {
		const fiftyOne = Array.from({ length: 51 }, (_, i) => order(`T${i}`));
		expect((await pushTrades(fiftyOne)).json).toEqual({ code: 100, message: say.TRADE_LIST_TOO_LONG });
		expect(at.gw.tradeLedger).toEqual([]);
	});

	it('the vendor’s texts, word for word', () => {
		expect([say.SHOP_INVALID, say.SHOP_DISABLED, say.SHOP_NOT_SELF_BUILT]).toEqual(['无效店铺编号', '店铺已停用', '只有自有平台店铺才支持推送']);
		expect([say.TRADE_LIST_UNPARSABLE, say.TRADE_LIST_EMPTY, say.TRADE_LIST_MALFORMED]).toEqual([
			'trade_list json格式错误,无法解析', 'trade_list订单列表为空', 'trade_list订单列表结构异常',
		]);
		expect([say.COD_AMOUNT_ZERO, say.refundStatusMismatch('O-7'), say.RECEIVABLE_NEGATIVE, say.COD_ABOVE_RECEIVABLE, say.PAID_INCORRECT]).toEqual([
			'货到付款订单COD金额不能为0', '子订单O-7退款状态与子订单状态不一致', '应收不能小于0', 'COD金额cod_amount大于应收paid', '已付金额不正确',
		]);
	});
});

describe('refusals of single orders', () => {
	/** Cash on delivery, nothing paid yet: the whole 49.80 to collect. */
	const cod = (fields: Json = {}): Json => order('T1', { delivery_term: 2, paid: 0, cod_amount: 49.8, ...fields });

	it.each([
		['cash on delivery, paid-and-waiting, with cod_amount 0', cod({ cod_amount: 0, paid: 49.8 }), say.COD_AMOUNT_ZERO],
		['cod_amount 0 written as text', cod({ cod_amount: '0.0000', paid: 49.8 }), say.COD_AMOUNT_ZERO],
		['a line waiting for its return while not refunded', order('T1', { order_list: [line('O-1'), line('O-2', { refund_status: 3 })] }), say.refundStatusMismatch('O-2')],
		['a line refunded (5) while shipped (50)', order('T1', { order_list: [line('O-1', { refund_status: '5', status: '50' })] }), say.refundStatusMismatch('O-1')],
		['a receivable below 0', order('T1', { order_list: [line('O-1', { discount: 60 })], paid: -10.2 }), say.RECEIVABLE_NEGATIVE],
		['cod_amount above the receivable', cod({ cod_amount: 49.81, paid: -0.01 }), say.COD_ABOVE_RECEIVABLE],
		['paid short of the amounts', order('T1', { paid: 39.8 }), say.PAID_INCORRECT],
		['paid missing', order('T1', { paid: undefined }), say.PAID_INCORRECT],
		['no tid', order('', {}), say.TID_MISSING],
	])('%s', async (_, trade, error) => {
		const answer = await pushTrades([trade]);
		expect(answer.json.code).toBe(100);
		expect(listed(answer)).toEqual([{ tid: (trade.tid as string) ?? '', error }]);
		expect(at.gw.tradeLedger).toEqual([]);
	});

	it.each([
		['cash on delivery not yet paid-and-waiting (10) with cod_amount 0', cod({ trade_status: 10, cod_amount: 0, paid: 49.8 })],
		['cash on delivery, nothing paid, all to collect', cod()],
		['cash on delivery, paid counted whole, all to collect', cod({ paid: 49.8 })],
		['cash on delivery, the courier’s fee on top of the receivable', cod({ cod_amount: 54.8, ext_cod_fee: 5 })],
		['a refund requested (2) on a line waiting to ship', order('T1', { order_list: [line('O-1', { refund_status: 2 })] })],
		['a line refunded (5) and marked refunded (80)', order('T1', { order_list: [line('O-1', { refund_status: 5, status: 80 })] })],
		['other_amount left out of paid (the vendor’s sum)', order('T1', { other_amount: 5, paid: 49.8 })],
		['other_amount counted in paid (a client’s sum)', order('T1', { other_amount: 5, paid: '54.80' })],
		['a receivable below 0 by the vendor’s sum, 0 with other_amount', order('T1', { order_list: [line('O-1', { discount: 60 })], other_amount: 10.2, paid: 0 })],
		['cash on delivery of a receivable with other_amount in it', cod({ cod_amount: 54.8, other_amount: 5 })],
		['amounts as text, adjust, discount and coupon share', order('T1', { post_amount: '0', paid: '39.7', order_list: [line('O-1', { adjust_amount: '1.5', discount: '1', share_discount: 0.6 })] })],
		['sums a double cannot hold exactly', order('T1', { post_amount: 0.2, paid: 0.5, order_list: [line('O-1', { price: 0.1, num: 3 })] })],
		['no lines, nothing but postage', order('T1', { order_list: undefined, paid: 10 })],
		['unknown fields, missing fields, odd enums', { tid: 'T1', trade_status: 60, delivery_term: 4, post_amount: 0, paid: 0, cust_data: { a: 1 } }],
	])('accepts %s', async (_, trade) => {
		expect((await pushTrades([trade])).json).toEqual({ code: 0, message: '', new_count: 1, chg_count: 0 });
	});

	it('refuses paid that fits neither reading of other_amount', async () => {
		expect(listed(await pushTrades([order('T1', { other_amount: 5, paid: 59.8 })]))).toEqual([{ tid: 'T1', error: say.PAID_INCORRECT }]);
	});

	it('lists every refused order of the call, in order, and saves nothing of it by default', async () => {
		await pushTrades([order('T0')]);
		const trades = [order('T1'), order('T2', { paid: 1 }), order('T0', { seller_memo: '改' }), { ...order('x'), tid: null }, cod({ tid: 'T4', cod_amount: 0 })];
		const answer = await pushTrades(trades);
		expect(answer.json.code).toBe(100);
		expect(listed(answer)).toEqual([
			{ tid: 'T2', error: say.PAID_INCORRECT },
			{ tid: '', error: say.TID_MISSING },
			{ tid: 'T4', error: say.COD_AMOUNT_ZERO },
		]);
		expect(Object.keys(answer.json)).toEqual(['code', 'message']);
		expect(at.gw.tradeLedger).toEqual([{ tid: 'T0', requestNumber: 1, created: true }]);
		expect([at.gw.pushedTrade('T1'), at.gw.pushedTrade('T0')?.trade.seller_memo]).toEqual([undefined, undefined]);
	});

	it('saves the valid orders of a refused call with tradeRefusalSavesOthers, answering the same', async () => {
		const gw = await MockGateway.start({ tradeRefusalSavesOthers: true });
		try {
			gw.addShop(SHOP);
			await pushTrades([order('T0')], SHOP, gw);
			const answer = await pushTrades([order('T1'), order('T2', { paid: 1 }), order('T0', { seller_memo: '改' })], SHOP, gw);
			expect(answer.json.code).toBe(100);
			expect(listed(answer)).toEqual([{ tid: 'T2', error: say.PAID_INCORRECT }]);
			expect(gw.tradeLedger).toEqual([
				{ tid: 'T0', requestNumber: 1, created: true },
				{ tid: 'T1', requestNumber: 2, created: true },
				{ tid: 'T0', requestNumber: 2, created: false },
			]);
			expect([gw.pushedTrade('T2'), gw.pushedTrade('T0')?.trade.seller_memo]).toEqual([undefined, '改']);
		} finally {
			await gw.close();
		}
	});

	it('escapes the listed Chinese as PHP would, inside the message too, when the gateway escapes', async () => {
		const gw = await MockGateway.start({ escapeUnicode: true });
		try {
			gw.addShop(SHOP);
			const answer = await pushTrades([order('T1', { paid: 1 })], SHOP, gw);
			expect(answer.text).toBe('{"code":100,"message":"[{\\"tid\\":\\"T1\\",\\"error\\":\\"\\\\u5df2\\\\u4ed8\\\\u91d1\\\\u989d\\\\u4e0d\\\\u6b63\\\\u786e\\"}]"}');
			expect(listed(answer)).toEqual([{ tid: 'T1', error: say.PAID_INCORRECT }]);
		} finally {
			await gw.close();
		}
	});
});

describe('reset', () => {
	it('empties the orders, the trade ledger and the shops with their traits', async () => {
		at.gw.addShop('shop-off', { disabled: true });
		await pushTrades([order('T1')]);
		at.gw.reset();
		expect([at.gw.tradeLedger, at.gw.pushedTrade('T1'), at.gw.shopInfo(SHOP)]).toEqual([[], undefined, undefined]);
		at.gw.addShop('shop-off');
		expect(at.gw.shopInfo('shop-off')).toEqual({ platformId: 127, disabled: false });
		expect((await pushTrades([order('T1')], 'shop-off')).json).toMatchObject({ code: 0, new_count: 1 });
	});
});
