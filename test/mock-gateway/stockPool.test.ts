/**
 * The stock-sync pair (docs/PROTOCOL.md, "Stock sync"): the query per shop and limit, the ack that
 * clears a change only with its current stock_change_count, its per-record refusals, the answer
 * shapes, and the stock ledger the product's tests count.
 */
import { MockGateway, type MockGatewayOptions, type StockChange } from '../mock/gateway';
import { CODE_DISABLED, LIMIT_INVALID, SHOP_NOT_FOUND, STOCK_RECORD_NOT_FOUND, STOCK_VALUE_INVALID } from '../mock/messages';
import { answerText, post, signed, useGateway } from './helpers';

const QUERY = 'api_goods_stock_change_query.php';
const ACK = 'api_goods_stock_change_ack.php';
/** 2^63 + 7: far beyond 2^53, where a JS number would have rounded it. */
const HUGE = '9223372036854775815';

const at = useGateway();
const query = (business: Record<string, string>, gw = at.gw) => post(gw, QUERY, signed(business));
const listed = async (shopNo: string, limit = '100') =>
	(await query({ shop_no: shopNo, limit })).json.stock_change_list as StockChange[];
const ack = (list: unknown, gw = at.gw) =>
	post(gw, ACK, signed({ stock_sync_list: typeof list === 'string' ? list : JSON.stringify(list) }));
/** An ack element echoing a change as it was queried. */
const echo = ({ rec_id, sync_stock, stock_change_count }: StockChange) => ({ rec_id, sync_stock, stock_change_count });

let shopS: StockChange[];
beforeEach(() => {
	shopS = at.gw.seedStockChanges(3, 'shop-s');
	at.gw.seedStockChanges(2, 'shop-t');
});

describe('api_goods_stock_change_query.php', () => {
	it("lists one shop's pending changes in rec_id order, up to limit, with how many it lists", async () => {
		const answer = await query({ shop_no: 'shop-s', limit: '2' });
		expect(answer.json).toEqual({ code: 0, message: '', stock_change_list: shopS.slice(0, 2), current_count: 2 });
		expect(await listed('shop-s')).toEqual(shopS);
		expect((await listed('shop-t')).map((c) => c.shop_no)).toEqual(['shop-t', 'shop-t']);
		at.gw.seedStockChanges(101, 'shop-u');
		const all = await query({ shop_no: 'shop-u' }); // limit defaults to 100
		expect([(all.json.stock_change_list as unknown[]).length, all.json.current_count]).toEqual([100, 100]);
		at.gw.seedStockChanges(0, 'shop-empty');
		const empty = { code: 0, message: '', stock_change_list: [], current_count: 0 };
		expect((await query({ shop_no: 'shop-empty' })).json).toEqual(empty);
	});

	it('refuses an unknown shop as the logistics query does, and a limit outside 1–100', async () => {
		expect((await query({ shop_no: 'nowhere', limit: '10' })).json).toEqual({ code: CODE_DISABLED, message: SHOP_NOT_FOUND });
		for (const limit of ['0', '101', 'x']) {
			expect((await query({ shop_no: 'shop-s', limit })).json).toEqual({ code: 100, message: LIMIT_INVALID });
		}
		expect((await query({ limit: '10' })).json).toEqual({ code: 100, message: '缺少参数shop_no' });
	});
});

describe('api_goods_stock_change_ack.php', () => {
	it('clears the changes acked with their current count: the next query no longer lists them', async () => {
		const answer = await ack(shopS.slice(0, 2).map(echo));
		expect(answer.json).toEqual({ code: 0, message: '', errors: [] });
		expect(at.gw.stockPending('shop-s')).toEqual([shopS[2]]);
		expect(await listed('shop-s')).toEqual([shopS[2]]);
		expect([at.gw.stockState(shopS[0].rec_id), at.gw.stockState(shopS[2].rec_id)]).toEqual(['synced', 'pending']);
		expect(at.gw.stockPending('shop-t')).toHaveLength(2);
	});

	it('leaves a change whose stock changed after the query pending, with its new values, and no error', async () => {
		const [queried] = await listed('shop-s', '1');
		const [held] = at.gw.stockPending('shop-s');
		const changed = at.gw.changeStock(queried.rec_id, 7);
		expect(changed).toEqual({ ...queried, sync_stock: 7, stock_change_count: queried.stock_change_count + 1 });
		// What a test holds is a copy: the change does not rewrite it.
		expect([held, shopS[0]]).toEqual([queried, queried]);
		expect((await ack([echo(queried)])).json).toEqual({ code: 0, message: '', errors: [] });
		expect(at.gw.stockState(queried.rec_id)).toBe('pending');
		expect((await listed('shop-s', '1'))[0]).toEqual(changed);
		await ack([echo(changed)]);
		expect(at.gw.stockState(queried.rec_id)).toBe('synced');
	});

	it('makes a synced change pending again when the stock changes once more', async () => {
		await ack([echo(shopS[0])]);
		const changed = at.gw.changeStock(shopS[0].rec_id, 0);
		expect(at.gw.stockState(shopS[0].rec_id)).toBe('pending');
		expect(await listed('shop-s', '1')).toEqual([changed]);
		expect(() => at.gw.changeStock('42', 1)).toThrow('42');
	});

	it('refuses an unknown rec_id in errors of a code-0 answer, and still applies the rest', async () => {
		const answer = await ack([{ rec_id: '42', sync_stock: 1, stock_change_count: 1 }, echo(shopS[0]), { rec_id: 'x' }]);
		expect(answer.json).toEqual({
			code: 0,
			message: '',
			errors: [
				{ rec_id: '42', error: STOCK_RECORD_NOT_FOUND },
				{ rec_id: 'x', error: STOCK_RECORD_NOT_FOUND },
			],
		});
		expect(STOCK_RECORD_NOT_FOUND).toBe('记录不存在');
		expect(at.gw.stockState(shopS[0].rec_id)).toBe('synced');
	});

	it('accepts an ack of a change synced before silently: no error, nothing changes', async () => {
		const [synced] = at.gw.addStockSynced([{ rec_id: '900', shop_no: 'shop-s', stock_change_count: 3 }]);
		expect(at.gw.stockState('900')).toBe('synced');
		expect((await ack([echo(synced)])).json).toEqual({ code: 0, message: '', errors: [] });
		expect(at.gw.stockState('900')).toBe('synced');
		expect(await listed('shop-s')).toEqual(shopS);
		// Acked twice in one list: the second finds it synced already.
		expect((await ack([echo(shopS[0]), echo(shopS[0])])).json.errors).toEqual([]);
		expect(at.gw.stockLedger.map((entry) => entry.applied)).toEqual([false, true, false]);
	});

	it.each([
		['a fraction', (c: StockChange) => `"sync_stock":5.5,"stock_change_count":${c.stock_change_count}`],
		['written as 2.0', (c: StockChange) => `"sync_stock":${c.sync_stock},"stock_change_count":${c.stock_change_count}.0`],
		['text', (c: StockChange) => `"sync_stock":"five","stock_change_count":${c.stock_change_count}`],
		['null', (c: StockChange) => `"sync_stock":${c.sync_stock},"stock_change_count":null`],
		['missing', (c: StockChange) => `"stock_change_count":${c.stock_change_count}`],
		['a boolean', (c: StockChange) => `"sync_stock":true,"stock_change_count":${c.stock_change_count}`],
		['beyond 2^53', (c: StockChange) => `"sync_stock":9007199254740993,"stock_change_count":${c.stock_change_count}`],
	])('refuses per record a sync_stock or stock_change_count that is %s; the change stays pending', async (_, values) => {
		const answer = await ack(`[{"rec_id":"${shopS[0].rec_id}",${values(shopS[0])}}]`);
		expect(answer.json).toEqual({ code: 0, message: '', errors: [{ rec_id: shopS[0].rec_id, error: STOCK_VALUE_INVALID }] });
		expect(at.gw.stockState(shopS[0].rec_id)).toBe('pending');
		expect(at.gw.stockLedger).toEqual([]);
	});

	it('takes integers bare or quoted, negative stock included', async () => {
		const [change] = at.gw.addStockChanges([{ shop_no: 'shop-s', sync_stock: -3, stock_change_count: 12 }]);
		const text = `[{"rec_id":${change.rec_id},"sync_stock":-3,"stock_change_count":"12"}]`;
		expect((await ack(text)).json.errors).toEqual([]);
		expect(at.gw.stockState(change.rec_id)).toBe('synced');
	});

	it.each(['{"rec_id":"1"}', 'not json', '[]', '[1,2]', ''])(
		'answers code 100 for stock_sync_list %p and ledgers nothing',
		async (list) => {
			const { json } = await ack(list);
			expect(json).toEqual({
				code: 100,
				message: list === '' ? '缺少参数stock_sync_list' : '参数stock_sync_list格式错误',
			});
			expect(at.gw.stockLedger).toEqual([]);
		},
	);

	it('keeps a rec_id beyond 2^53 exact, sent as a bare number', async () => {
		at.gw.addStockChanges([{ rec_id: HUGE, shop_no: 'shop-s', sync_stock: 1, stock_change_count: 1 }]);
		const neighbour = '9223372036854775816'; // the same JS number as HUGE: a different change
		const element = (recId: string) => `{"rec_id":${recId},"sync_stock":1,"stock_change_count":1}`;
		const answer = await ack(`[${element(HUGE)},${element(neighbour)}]`);
		expect(answer.json.errors).toEqual([{ rec_id: neighbour, error: STOCK_RECORD_NOT_FOUND }]);
		expect(at.gw.stockState(HUGE)).toBe('synced');
	});
});

describe('the stock ledger', () => {
	it('lists every accepted ack element in order, as echoed, applied when it cleared a change', async () => {
		const stale = at.gw.changeStock(shopS[1].rec_id, 50);
		await ack([echo(shopS[0]), echo(shopS[1]), { rec_id: '42', sync_stock: 1, stock_change_count: 1 }]);
		await ack([{ ...echo(stale), sync_stock: '50' }]);
		const entry = ({ rec_id, sync_stock, stock_change_count }: StockChange, requestNumber: number, applied: boolean) =>
			({ recId: rec_id, syncStock: sync_stock, stockChangeCount: stock_change_count, requestNumber, applied });
		expect(at.gw.stockLedger).toEqual([entry(shopS[0], 1, true), entry(shopS[1], 1, false), entry(stale, 2, true)]);
	});

	it('is emptied by reset, with the pool', async () => {
		await ack([echo(shopS[0])]);
		at.gw.reset();
		expect([at.gw.stockLedger, at.gw.stockPending(), at.gw.stockState(shopS[1].rec_id)]).toEqual([[], [], 'unknown']);
		expect(at.gw.seedStockChanges(1, 'shop-s')[0].rec_id).toBe('100001');
	});
});

describe('answer shapes', () => {
	const shaped = async (options: MockGatewayOptions, call: (gw: MockGateway) => Promise<{ text: string }>) =>
		await answerText(options, (gw) => void gw.addStockChanges([{ rec_id: HUGE, shop_no: 'shop-a', sync_stock: 4, stock_change_count: 2 }]), call);

	it('writes code as text, rec_ids as bare numbers, leaves out empty errors, escapes as PHP', async () => {
		const missing = '{"code":"0","message":"","errors":[{"rec_id":7,"error":"\\u8bb0\\u5f55\\u4e0d\\u5b58\\u5728"}]}';
		const shape = { codeAsString: true, errorsRecIdAsNumber: true, escapeUnicode: true };
		expect(await shaped(shape, (gw) => ack([{ rec_id: 7, sync_stock: 1, stock_change_count: 1 }], gw))).toBe(missing);
		const current = [{ rec_id: HUGE, sync_stock: 4, stock_change_count: 2 }];
		expect(await shaped({ omitEmptyErrors: true }, (gw) => ack(current, gw))).toBe('{"code":0,"message":""}');
		expect(await shaped({}, (gw) => ack(current, gw))).toBe('{"code":0,"message":"","errors":[]}');
		const list = await shaped({ recIdAsNumber: true }, (gw) => query({ shop_no: 'shop-a' }, gw));
		expect(list).toContain(`"stock_change_list":[{"rec_id":${HUGE},`);
		expect(await shaped({}, (gw) => query({ shop_no: 'shop-a' }, gw))).toContain(`"rec_id":"${HUGE}",`);
	});
});
