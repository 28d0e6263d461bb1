/**
 * sales_refund_push.php (docs/PROTOCOL.md, "sales_refund_push"): refunds of orders pushed before,
 * created or updated by refund_no, the refusals (an order never pushed in the other edition's
 * words), one plain-text message for a call with refused refunds, the option that saves the valid
 * ones, at most 10 a call, and the refund ledger.
 */
import { MockGateway } from '../mock/gateway';
import * as say from '../mock/messages';
import { post, signed, useGateway } from './helpers';

const SCRIPT = 'sales_refund_push.php';
const SHOP = 'shop-own';

type Json = Record<string, unknown>;

/** A return of one unit of the order's first line. */
const refund = (refundNo: string, tid: string, fields: Json = {}): Json => ({
	platform_id: 127, shop_no: SHOP, tid, refund_no: refundNo, type: 2, status: 2, refund_fee: '19.90', buyer_nick: '张三',
	refund_time: '2024-05-03 09:00:00', reason: '不想要了', order_list: [{ oid: `${tid}-1`, num: 1 }], ...fields,
});

const at = useGateway();
const pushRefunds = (refunds: unknown, gw = at.gw) =>
	post(gw, SCRIPT, signed({ api_refund_list: typeof refunds === 'string' ? refunds : JSON.stringify(refunds) }));
/** What the message says of refused refunds, in the order given. */
const refusedText = (...refused: Array<[string, string]>) =>
	say.REFUND_REFUSED_PREFIX + refused.map(([refundNo, error]) => `${error}(refund_no=${refundNo})`).join('; ');

beforeEach(() => at.gw.addPushedTrades([{ tid: 'T1' }, { tid: 'T2' }], SHOP));

describe('a call whose refunds are all valid', () => {
	it('creates the refund_nos it has not seen and updates the ones it has, and says how many of each', async () => {
		expect((await pushRefunds([refund('R1', 'T1'), refund('R2', 'T2')])).json).toEqual({ code: 0, message: '', new_count: 2, chg_count: 0 });
		const changed = refund('R1', 'T1', { status: 5, refund_fee: 19.9 });
		expect((await pushRefunds([changed, refund('R3', 'T1')])).json).toEqual({ code: 0, message: '', new_count: 1, chg_count: 1 });
		expect(at.gw.pushedRefund('R1')).toEqual({ refundNo: 'R1', tid: 'T1', shopNo: SHOP, requestNumber: 2, refund: changed });
		expect(at.gw.pushedRefund('R9')).toBeUndefined();
		expect(at.gw.refundLedger).toEqual([
			{ refundNo: 'R1', tid: 'T1', requestNumber: 1, created: true },
			{ refundNo: 'R2', tid: 'T2', requestNumber: 1, created: true },
			{ refundNo: 'R1', tid: 'T1', requestNumber: 2, created: false },
			{ refundNo: 'R3', tid: 'T1', requestNumber: 2, created: true },
		]);
	});

	it('takes a refund of an order trade_push saved, numbers as ids, and any type or status', async () => {
		at.gw.reset();
		at.gw.addShop(SHOP);
		const trade = { tid: 'T7', delivery_term: 1, post_amount: 0, paid: 0 };
		expect((await post(at.gw, 'trade_push.php', signed({ shop_no: SHOP, trade_list: JSON.stringify([trade]) }))).json.code).toBe(0);
		const refunds = [refund('R7', 'T7', { type: 3, status: 'success' }), refund('8', 'T7', { refund_no: 8, platform_id: '127' })];
		expect((await pushRefunds(refunds)).json).toEqual({ code: 0, message: '', new_count: 2, chg_count: 0 });
		expect(at.gw.pushedRefund('8')?.refund.refund_no).toBe(8);
	});

	it('takes 10 refunds in one call', async () => {
		const ten = Array.from({ length: 10 }, (_, i) => refund(`R${i}`, 'T1'));
		expect((await pushRefunds(ten)).json).toEqual({ code: 0, message: '', new_count: 10, chg_count: 0 });
	});
});

describe('refusals of single refunds: one plain text, code 100', () => {
	it.each([
		['an order never pushed', refund('R1', 'T404'), say.REFUND_TRADE_NOT_FOUND],
		['no tid', refund('R1', '', { tid: undefined }), say.REFUND_TRADE_NOT_FOUND],
		['no refund_no', refund('', 'T1'), say.REFUND_NO_MISSING],
		['a platform_id other than 127', refund('R1', 'T1', { platform_id: 1 }), say.PLATFORM_ID_NOT_127],
		['no platform_id', refund('R1', 'T1', { platform_id: undefined }), say.PLATFORM_ID_NOT_127],
		['an unknown shop', refund('R1', 'T1', { shop_no: 'nowhere' }), say.SHOP_INVALID],
		['a disabled shop', refund('R1', 'T1', { shop_no: 'shop-off' }), say.SHOP_DISABLED],
		['a shop of another platform', refund('R1', 'T1', { shop_no: 'shop-tb' }), say.SHOP_NOT_SELF_BUILT],
	])('%s', async (_, pushed, error) => {
		at.gw.addShop('shop-off', { disabled: true });
		at.gw.addShop('shop-tb', { platformId: 1 });
		const answer = await pushRefunds([pushed]);
		expect(answer.json).toEqual({ code: say.CODE_PUSH_REFUSED, message: refusedText([pushed.refund_no as string, error]) });
		expect(at.gw.refundLedger).toEqual([]);
	});

	it('names every refused refund in order, and saves nothing of the call by default', async () => {
		const answer = await pushRefunds([refund('R1', 'T1'), refund('R2', 'T404'), refund('R3', 'T2', { platform_id: 0 })]);
		expect(answer.json.message).toBe(refusedText(['R2', say.REFUND_TRADE_NOT_FOUND], ['R3', say.PLATFORM_ID_NOT_127]));
		expect(answer.json.message).toBe(
			'推送订单信息错误，错误内容：售后单关联的原始单不存在(refund_no=R2); platform_id必须为127(refund_no=R3)',
		);
		expect([at.gw.refundLedger, at.gw.pushedRefund('R1')]).toEqual([[], undefined]);
	});

	it('saves the valid refunds of a refused call with refundRefusalSavesOthers, answering the same', async () => {
		const gw = await MockGateway.start({ refundRefusalSavesOthers: true });
		try {
			gw.addPushedTrades([{ tid: 'T1' }], SHOP);
			const answer = await pushRefunds([refund('R1', 'T1'), refund('R2', 'T404')], gw);
			expect(answer.json).toEqual({ code: 100, message: refusedText(['R2', say.REFUND_TRADE_NOT_FOUND]) });
			expect(gw.refundLedger).toEqual([{ refundNo: 'R1', tid: 'T1', requestNumber: 1, created: true }]);
		} finally {
			await gw.close();
		}
	});
});

describe('refusals of the call as a whole', () => {
	it.each([
		['', say.missingParam('api_refund_list')],
		['not json', say.listInvalid('api_refund_list')],
		['[]', say.listInvalid('api_refund_list')],
		['{"refund_no":"R1"}', say.listInvalid('api_refund_list')],
		['[1]', say.listInvalid('api_refund_list')],
	])('api_refund_list %p', async (list, message) => {
		expect((await pushRefunds(list)).json).toEqual({ code: 100, message });
		expect(at.gw.refundLedger).toEqual([]);
	});

	it('more than 10 refunds, however valid', async () => {
		const eleven = Array.from({ length: 11 }, (_, i) => refund(`R${i}`, 'T1'));
		expect((await pushRefunds(eleven)).json).toEqual({ code: 100, message: say.REFUND_LIST_TOO_LONG });
		expect(at.gw.refundLedger).toEqual([]);
	});
});

describe('reset', () => {
	it('empties the refunds and their ledger, and the orders they referred to', async () => {
		await pushRefunds([refund('R1', 'T1')]);
		at.gw.reset();
		expect([at.gw.refundLedger, at.gw.pushedRefund('R1')]).toEqual([[], undefined]);
		at.gw.addShop(SHOP);
		expect((await pushRefunds([refund('R1', 'T1')])).json.message).toBe(refusedText(['R1', say.REFUND_TRADE_NOT_FOUND]));
	});
});
