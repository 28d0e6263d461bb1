/**
 * What the scripts answer: the ledger of logistics acks exactly (what the product's tests count),
 * rec_ids beyond 2^53, the answer shapes a client meets and canned answers. The stock-sync pair:
 * stockPool.test.ts.
 */
import { MockGateway, type MockGatewayOptions } from '../mock/gateway';
import { LIMIT_INVALID, MESSAGE_TOO_LONG, NOT_PENDING, RECORD_NOT_FOUND, STATUS_INVALID } from '../mock/messages';
import { answerText, post, signed, useGateway } from './helpers';

const ACK = 'logistics_sync_ack.php';
const QUERY = 'logistics_sync_query.php';
/** 2^63 + 7: far beyond 2^53, where a JS number would have rounded it. */
const HUGE = '9223372036854775815';
const at = useGateway({
	answers: {
		'trade_push.php': { code: 0, message: '', new_count: 1 },
		goods_query: (params) => ({ code: params.page_no === '0' ? 0 : 100, echo: params }),
		'big_ids.php': `{"code":0,"trade_id":${HUGE}}`,
	},
});
const ack = (list: unknown, gw = at.gw) =>
	post(gw, ACK, signed({ logistics_list: typeof list === 'string' ? list : JSON.stringify(list) }));

beforeEach(() => {
	at.gw.seedPending(3, { shopNo: 'shop-a', firstRecId: 1001 });
	at.gw.addAcknowledged([{ rec_id: '900', shop_no: 'shop-a' }]);
});

describe('logistics_sync_ack.php', () => {
	it('ledgers exactly the acks it applied, listing the rest in errors with code 0', async () => {
		const answer = await ack([
			{ rec_id: '1001', status: 0, message: '同步成功' },
			{ rec_id: '42', status: 0 },
			{ rec_id: '900', status: 1, message: '平台拒绝' },
			{ rec_id: 1002, status: '1', message: '单号错误' },
			{ rec_id: '1002', status: 0 },
			{ rec_id: '1003', status: 2 },
			{ rec_id: '1003', status: 0, message: '📦'.repeat(256) },
		]);
		expect(answer.json).toEqual({
			code: 0,
			message: '',
			errors: [
				{ rec_id: '42', error: RECORD_NOT_FOUND },
				{ rec_id: '900', error: NOT_PENDING },
				{ rec_id: '1002', error: NOT_PENDING },
				{ rec_id: '1003', error: STATUS_INVALID },
				{ rec_id: '1003', error: MESSAGE_TOO_LONG },
			],
		});
		expect(at.gw.ledger).toEqual([
			{ recId: '1001', status: 0, message: '同步成功', requestNumber: 1 },
			{ recId: '1002', status: 1, message: '单号错误', requestNumber: 1 },
		]);
		expect((await ack([{ rec_id: '1003', status: 0, message: '📦'.repeat(255) }])).json.errors).toEqual([]);
		expect(at.gw.ledger).toHaveLength(3);
		expect(at.gw.pending('shop-a')).toEqual([]);
	});

	it.each(['{"rec_id":"1001","status":0}', 'not json', '[]', '[1,2]', ''])(
		'answers code 100 for logistics_list %p and ledgers nothing',
		async (list) => {
			const { json } = await ack(list);
			expect(json.code).toBe(100);
			expect(json.message).toBe(list === '' ? '缺少参数logistics_list' : '参数logistics_list格式错误');
			expect(at.gw.ledger).toEqual([]);
		},
	);

	it('keeps a rec_id beyond 2^53 exact, sent as a bare number', async () => {
		at.gw.addPending([{ rec_id: HUGE, shop_no: 'shop-a' }]);
		const neighbour = '9223372036854775816'; // the same JS number as HUGE: a different record
		const answer = await ack(`[{"rec_id":${HUGE},"status":0},{"rec_id":${neighbour},"status":0}]`);
		expect(answer.text).toContain(`"rec_id":"${neighbour}"`);
		expect(at.gw.ledger).toEqual([{ recId: HUGE, status: 0, message: '', requestNumber: 1 }]);
	});
});

describe('answer shapes', () => {
	const shaped = async (options: MockGatewayOptions, call: (gw: MockGateway) => Promise<{ text: string }>) =>
		await answerText(options, (gw) => void gw.addPending([{ rec_id: HUGE, shop_no: 'shop-a', logistics_name: '顺丰' }]), call);

	it('writes code as text, rec_ids as bare numbers, leaves out empty errors, escapes as PHP', async () => {
		const missing = '{"code":"0","message":"","errors":[{"rec_id":7,"error":"\\u8bb0\\u5f55\\u4e0d\\u5b58\\u5728"}]}';
		const shape = { codeAsString: true, errorsRecIdAsNumber: true, escapeUnicode: true };
		expect(await shaped(shape, (gw) => ack([{ rec_id: 7, status: 0 }], gw))).toBe(missing);
		expect(await shaped({ omitEmptyErrors: true }, (gw) => ack([{ rec_id: HUGE, status: 0 }], gw))).toBe(
			'{"code":0,"message":""}',
		);
		const query = (gw: MockGateway) => post(gw, QUERY, signed({ shop_no: 'shop-a' }));
		expect(await shaped({ recIdAsNumber: true }, query)).toContain(`"rec_id":${HUGE},`);
	});
});

describe('logistics_sync_query.php', () => {
	it('returns one shop in numeric rec_id order, up to limit, the same records until acked', async () => {
		at.gw.seedPending(2, { shopNo: 'shop-a', firstRecId: 99 });
		at.gw.addPending([{ rec_id: '5', shop_no: 'shop-b' }, { rec_id: '7', shop_no: 'shop-a', is_part_sync: 1 }]);
		const ids = async (business: Record<string, string>) =>
			((await post(at.gw, QUERY, signed(business))).json.trades as Array<{ rec_id: string }>).map((r) => r.rec_id);
		expect(await ids({ shop_no: 'shop-a', limit: '3' })).toEqual(['99', '100', '1001']);
		expect(await ids({ shop_no: 'shop-a', limit: '3', is_part_sync_able: '1' })).toEqual(['7', '99', '100']);
		await ack([{ rec_id: '99', status: 0 }]);
		expect(await ids({ shop_no: 'shop-a' })).toEqual(['100', '1001', '1002', '1003']);
		at.gw.seedPending(101, { shopNo: 'shop-c' });
		expect(await ids({ shop_no: 'shop-c' })).toHaveLength(100); // limit defaults to 100
		const tooMany = await post(at.gw, QUERY, signed({ shop_no: 'shop-c', limit: '101' }));
		expect(tooMany.json).toEqual({ code: 100, message: LIMIT_INVALID });
	});
});

describe('any other script', () => {
	it('answers what was canned, a function of the business parameters, or a raw body', async () => {
		const answers = [
			['trade_push.php', signed({ trade_list: '[]' }), { code: 0, message: '', new_count: 1 }],
			['goods_query.php', signed({ page_no: '0' }), { code: 0, echo: { page_no: '0' } }],
		] as const;
		for (const [script, params, expected] of answers) expect((await post(at.gw, script, params)).json).toEqual(expected);
		expect((await post(at.gw, 'big_ids.php', signed({}))).text).toBe(`{"code":0,"trade_id":${HUGE}}`);
		expect(at.gw.calls).toEqual([
			{ requestNumber: 1, api: 'trade_push', params: { trade_list: '[]' } },
			{ requestNumber: 2, api: 'goods_query', params: { page_no: '0' } },
			{ requestNumber: 3, api: 'big_ids', params: {} },
		]);
		expect(at.gw.requests.map((r) => [r.outcome, r.code])).toEqual([['ok', 0], ['ok', 0], ['ok', 0]]);
		// A wrong sign is refused before any canned answer.
		expect((await post(at.gw, 'trade_push.php', signed({}, { secret: 'x' }))).json.message).toBe('签名错误');
	});

	it('answers code 100 接口不存在 to a signed call of a script it has no answer for', async () => {
		const answer = await post(at.gw, 'trade_query.php', signed({ page_no: '0' }));
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ code: 100, message: expect.stringContaining('接口不存在: trade_query.php') });
		expect(at.gw.requests[0]).toMatchObject({ outcome: 'rejected', code: 100 });
	});
});

describe('faults, latency and the rate limit', () => {
	const query = (gw: MockGateway, options: { nowMs?: number; timeoutMs?: number } = {}) =>
		post(gw, QUERY, signed({ shop_no: 'shop-a' }, { nowMs: options.nowMs }), { timeoutMs: options.timeoutMs });

	it('never processes a held request whose client gave up', async () => {
		at.gw.injectFault({ kind: 'delay', ms: 300, when: 'before' });
		await expect(query(at.gw, { timeoutMs: 100 })).rejects.toThrow();
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(at.gw.requests[0]).toMatchObject({ outcome: 'fault', processed: false });
		expect(at.gw.calls).toEqual([]);
	});

	it('gives a fault to the API named, `times` times, and no other', async () => {
		at.gw.injectFault({ kind: 'http', status: 503 }, { api: 'logistics_sync_query.php', times: 2 });
		expect((await ack([{ rec_id: '1001', status: 0 }])).status).toBe(200);
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await query(at.gw)).status);
		expect(statuses).toEqual([503, 503, 200]);
	});

	it('answers no sooner than latencyMs', async () => {
		const gw = await MockGateway.start({ latencyMs: 150 });
		const started = Date.now();
		await query(gw).finally(() => gw.close());
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('answers 1012 beyond maxCalls a window, unprocessed, counting neither refusals nor bad signs', async () => {
		let clock = 1_700_000_000_000;
		const gw = await MockGateway.start({ now: () => clock, rateLimit: { maxCalls: 2, windowMs: 60_000 } });
		gw.addShop('shop-a');
		const codes = async (n: number, options = {}) => {
			const out = [];
			for (let i = 0; i < n; i++) out.push((await post(gw, QUERY, signed({ shop_no: 'shop-a' }, { nowMs: clock, ...options }))).json.code);
			return out;
		};
		try {
			expect(await codes(2, { secret: 'bad' })).toEqual([100, 100]);
			expect(await codes(3)).toEqual([0, 0, 1012]);
			clock += 59_999;
			expect(await codes(1)).toEqual([1012]);
			clock += 1; // the first two calls leave the window; the refused ones never entered it
			expect(await codes(3)).toEqual([0, 0, 1012]);
			expect(gw.calls).toHaveLength(4);
		} finally {
			await gw.close();
		}
	});
});

describe('close()', () => {
	it('releases an answer held by a fault at once, so nothing keeps the process alive', async () => {
		const answered: number[] = [];
		const gw = await MockGateway.start({ onRequest: () => answered.push(Date.now()) });
		gw.injectFault({ kind: 'delay', ms: 60_000, when: 'after' });
		const held = post(gw, QUERY, signed({ shop_no: 'x' })).catch(() => 'reset');
		while (gw.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		const closedAt = Date.now();
		await gw.close();
		expect(await held).toBe('reset');
		expect(answered).toHaveLength(1);
		expect(answered[0] - closedAt).toBeLessThan(1000);
	});
});
