import { MockGateway } from '../mock/gateway';
import {
	APPKEY_DISABLED,
	INVALID_APPKEY,
	RATE_LIMITED,
	SIGN_MISMATCH,
	TIMESTAMP_INVALID,
} from '../mock/messages';
import { TestClient, ackList, signed } from './helpers';

const client = new TestClient();
let gw: MockGateway;
const ACK = 'logistics_sync_ack.php';

afterEach(() => gw.close());
afterAll(() => client.close());

function ackOf(recId: string): Record<string, string> {
	return { logistics_list: ackList([{ rec_id: recId, status: 0, message: '已发货' }]) };
}

describe('public parameter checks', () => {
	beforeEach(async () => {
		gw = await MockGateway.start();
		gw.seedPending(3, { shopNo: 'shop-a', firstRecId: 501 });
	});

	it('accepts a correctly signed ack and writes the ledger', async () => {
		const answer = await client.post(gw.baseUrl, ACK, signed(ackOf('501')));
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('text/html; charset=utf-8');
		expect(answer.json).toEqual({ code: 0, message: '', errors: [] });
		expect(gw.ledger).toEqual([{ recId: '501', status: 0, message: '已发货', requestNumber: 1 }]);
		expect(gw.requests[0]).toMatchObject({
			number: 1,
			api: 'logistics_sync_ack',
			outcome: 'ok',
			code: 0,
		});
		expect(gw.requests[0].params).not.toHaveProperty('sign');
	});

	it('rejects a wrong secret with 签名错误 and changes nothing', async () => {
		const answer = await client.post(gw.baseUrl, ACK, signed(ackOf('501'), { secret: 'wrong' }));
		expect(answer.json).toEqual({ code: 100, message: SIGN_MISMATCH });
		expect(gw.ledger).toHaveLength(0);
		expect(gw.pending('shop-a')).toHaveLength(3);
	});

	it('rejects a tampered parameter after signing', async () => {
		const params = signed(ackOf('501'));
		params.logistics_list = ackList([{ rec_id: '502', status: 0, message: '已发货' }]);
		expect((await client.post(gw.baseUrl, ACK, params)).json.message).toBe(SIGN_MISMATCH);
	});

	it('rejects an unknown appkey and a sid that does not own the appkey', async () => {
		const other = { sid: 'mock-sid', appKey: 'nope', appSecret: 'mock-secret' };
		expect(
			(await client.post(gw.baseUrl, ACK, signed(ackOf('501'), { account: other }))).json,
		).toEqual({
			code: 100,
			message: INVALID_APPKEY,
		});
		const wrongSid = { sid: 'other-sid', appKey: 'mock-appkey', appSecret: 'mock-secret' };
		expect(
			(await client.post(gw.baseUrl, ACK, signed(ackOf('501'), { account: wrongSid }))).json
				.message,
		).toBe(INVALID_APPKEY);
	});

	it.each(['sid', 'appkey', 'timestamp', 'sign'])(
		'answers 缺少参数%s when it is missing',
		async (name) => {
			const params = signed(ackOf('501'));
			delete params[name];
			expect((await client.post(gw.baseUrl, ACK, params)).json).toEqual({
				code: 100,
				message: `缺少参数${name}`,
			});
		},
	);

	it('answers 缺少参数logistics_list for a signed call without it', async () => {
		expect((await client.post(gw.baseUrl, ACK, signed({}))).json).toEqual({
			code: 100,
			message: '缺少参数logistics_list',
		});
	});

	it('answers 1007 for a disabled appkey, before looking at the timestamp', async () => {
		gw.setAccountDisabled('mock-appkey', true);
		const answer = await client.post(gw.baseUrl, ACK, signed(ackOf('501'), { nowMs: 0 }));
		expect(answer.json).toEqual({ code: 1007, message: APPKEY_DISABLED });
	});
});

describe('timestamp window', () => {
	const clock = 1_700_000_000_000;
	beforeEach(async () => {
		gw = await MockGateway.start({ now: () => clock });
		gw.seedPending(3, { firstRecId: 1 });
	});

	it.each([
		[-301, TIMESTAMP_INVALID],
		[301, TIMESTAMP_INVALID],
		[-299, ''],
		[300, ''],
	])('skew %i s → %s', async (skew, message) => {
		const answer = await client.post(
			gw.baseUrl,
			ACK,
			signed(ackOf('1'), { nowMs: clock + skew * 1000 }),
		);
		expect(answer.json.message).toBe(message);
	});

	it.each([String(clock), '170000000', ' 1700000000'])(
		'rejects the correctly signed timestamp "%s" (not 10 digits)',
		async (timestamp) => {
			const answer = await client.post(gw.baseUrl, ACK, signed(ackOf('1'), { timestamp }));
			expect(answer.json).toEqual({ code: 100, message: TIMESTAMP_INVALID });
		},
	);
});

describe('rate limit', () => {
	let clock = 1_700_000_000_000;
	beforeEach(async () => {
		clock = 1_700_000_000_000;
		gw = await MockGateway.start({
			now: () => clock,
			rateLimit: { maxCalls: 2, windowMs: 60_000 },
		});
		gw.seedPending(5, { firstRecId: 1 });
	});

	it('answers 1012 beyond maxCalls in the window, without processing, and admits again later', async () => {
		for (const id of ['1', '2']) {
			expect(
				(await client.post(gw.baseUrl, ACK, signed(ackOf(id), { nowMs: clock }))).json.code,
			).toBe(0);
		}
		clock += 30_000;
		const limited = await client.post(gw.baseUrl, ACK, signed(ackOf('3'), { nowMs: clock }));
		expect(limited.json).toEqual({ code: 1012, message: RATE_LIMITED });
		expect(gw.ledger.map((entry) => entry.recId)).toEqual(['1', '2']);
		clock += 30_001; // the first two calls are now out of the window
		expect(
			(await client.post(gw.baseUrl, ACK, signed(ackOf('3'), { nowMs: clock }))).json.code,
		).toBe(0);
		expect(gw.ledger.map((entry) => entry.recId)).toEqual(['1', '2', '3']);
	});

	it('does not count calls with a bad sign', async () => {
		for (let i = 0; i < 3; i++)
			await client.post(gw.baseUrl, ACK, signed(ackOf('1'), { secret: 'bad', nowMs: clock }));
		expect(
			(await client.post(gw.baseUrl, ACK, signed(ackOf('1'), { nowMs: clock }))).json.code,
		).toBe(0);
	});
});
