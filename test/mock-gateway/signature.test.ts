/**
 * The gateway's independent signature check and the public-parameter checks. Every product test
 * relies on these: a mock that accepted a wrong sign would let a broken signer pass them all.
 */
import { APPKEY_DISABLED, INVALID_APPKEY, SIGN_MISMATCH, TIMESTAMP_INVALID } from '../mock/messages';
import { expectedSign, isSignValid, packForSign } from '../mock/verify';
import { post, signed, testSign, useGateway } from './helpers';

const VENDOR = {
	sid: 'test2',
	appkey: 'test2-xx',
	timestamp: '1470042310',
	page_no: '0',
	page_size: '40',
	start_time: '2016-08-01 12:00:00',
	end_time: '2016-08-01 13:00:00',
};

describe('verify.ts, the gateway side of the signature', () => {
	it('packs and signs the vendor example, leaving sign out; only the exact lowercase sign passes', () => {
		expect(packForSign({ ...VENDOR, sign: 'x' })).toBe(
			'06-appkey:0008-test2-xx;08-end_time:0019-2016-08-01 13:00:00;07-page_no:0001-0;' +
				'09-page_size:0002-40;03-sid:0005-test2;10-start_time:0019-2016-08-01 12:00:00;' +
				'09-timestamp:0010-1470042310',
		);
		expect(expectedSign(VENDOR, '12345')).toBe('ad4e6fe037ea6e3ba4768317be9d1309');
		expect(isSignValid({ ...VENDOR, sign: 'ad4e6fe037ea6e3ba4768317be9d1309' }, '12345')).toBe(true);
		expect(isSignValid({ ...VENDOR, sign: 'AD4E6FE037EA6E3BA4768317BE9D1309' }, '12345')).toBe(false);
	});

	it('counts code points, pads to a minimum width and never truncates', () => {
		expect(packForSign({ m: '同步成功' })).toBe('01-m:0004-同步成功');
		expect(packForSign({ m: '📦ok' })).toBe('01-m:0003-📦ok');
		const long = 'x'.repeat(11201);
		expect(packForSign({ k: long })).toBe(`01-k:11201-${long}`);
		expect(packForSign({ ['k'.repeat(123)]: '' })).toBe(`123-${'k'.repeat(123)}:0000-`);
	});

	it('orders keys byte-wise: digits < upper case < _ < lower case, prefix first', () => {
		const packed = packForSign({ a_b: '1', ab: '2', a: '3', A: '4', _x: '5', '9': '6' });
		const keys = packed.split(';').map((piece) => piece.split(':')[0]);
		expect(keys).toEqual(['01-9', '01-A', '02-_x', '01-a', '03-a_b', '02-ab']);
	});

	it("agrees with the tests' own signer on Chinese, emoji and characters needing encoding", () => {
		const params = { list: '[{"message":"已发货 📦 a&b=c+d%25#\n"}]', sid: 's', appkey: 'k', timestamp: '1700000000' };
		expect(expectedSign(params, 'secret')).toBe(testSign(params, 'secret'));
	});
});

describe('public checks over HTTP, for any script', () => {
	const clock = 1_700_000_000_000;
	const at = useGateway({ now: () => clock });
	const QUERY = 'logistics_sync_query.php';
	const call = (params: Record<string, string>, query?: Record<string, string>) =>
		post(at.gw, QUERY, params, { query });
	const good = (options = {}) => signed({ shop_no: 'shop-a' }, { nowMs: clock, ...options });
	beforeEach(() => at.gw.addShop('shop-a'));

	it('answers a correctly signed call, logging it without its sign', async () => {
		const answer = await call(good());
		expect(answer).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
		expect(answer.json).toEqual({ code: 0, message: '', trades: [] });
		expect(at.gw.requests[0]).toMatchObject({ api: 'logistics_sync_query', outcome: 'ok', code: 0, processed: true });
		expect(at.gw.requests[0].params).not.toHaveProperty('sign');
	});

	const other = { sid: 'mock-sid', appKey: 'nope', appSecret: 'mock-secret' };
	const wrongSid = { sid: 'other-sid', appKey: 'mock-appkey', appSecret: 'mock-secret' };
	it.each([
		['a wrong secret', good({ secret: 'wrong' }), 100, SIGN_MISMATCH],
		['a parameter changed after signing', { ...good(), shop_no: 'shop-b' }, 100, SIGN_MISMATCH],
		['an unknown appkey', good({ account: other }), 100, INVALID_APPKEY],
		["another sid's appkey", good({ account: wrongSid }), 100, INVALID_APPKEY],
		['a timestamp 301 s early', good({ nowMs: clock - 301_000 }), 100, TIMESTAMP_INVALID],
		['a timestamp 301 s late', good({ nowMs: clock + 301_000 }), 100, TIMESTAMP_INVALID],
		['a signed timestamp in ms', good({ timestamp: String(clock) }), 100, TIMESTAMP_INVALID],
		['a signed timestamp of 9 digits', good({ timestamp: '170000000' }), 100, TIMESTAMP_INVALID],
		['no sid', { ...good(), sid: '' }, 100, '缺少参数sid'],
		['no sign', { ...good(), sign: '' }, 100, '缺少参数sign'],
	])('refuses %s and runs nothing', async (_what, params, code, message) => {
		expect((await call(params)).json).toEqual({ code, message });
		expect(at.gw.calls).toEqual([]);
	});

	it('accepts skews of -299 and +300 s', async () => {
		for (const skew of [-299_000, 300_000]) expect((await call(good({ nowMs: clock + skew }))).json.code).toBe(0);
	});

	it('answers 1007 for a disabled appkey, before looking at the timestamp', async () => {
		at.gw.setAccountDisabled('mock-appkey', true);
		expect((await call(good({ nowMs: 0 }))).json).toEqual({ code: 1007, message: APPKEY_DISABLED });
	});

	it('signs query-string parameters too: moved there they pass, a stray one breaks the sign', async () => {
		const { shop_no, ...rest } = good();
		expect((await call(rest, { shop_no })).json.code).toBe(0);
		expect(at.gw.requests[0].queryKeys).toEqual(['shop_no']);
		expect((await call(good(), { x: '1' })).json).toEqual({ code: 100, message: SIGN_MISMATCH });
	});

	it.each(['application/json', 'text/plain'])('ignores a body sent as %s, as PHP $_POST does', async (type) => {
		const body = type === 'text/plain' ? new URLSearchParams(good()).toString() : JSON.stringify(good());
		expect((await post(at.gw, QUERY, body, { contentType: type })).json).toEqual({ code: 100, message: '缺少参数sid' });
		expect(at.gw.requests[0]).toMatchObject({ params: {}, contentType: type });
	});

	it('decodes a percent-encoded body exactly, charset allowed in the content type', async () => {
		const text = 'a&b=c+d%#\n已发货 📦';
		at.gw.setAnswer('echo.php', (params) => ({ code: 0, text: params.text }));
		const answer = await post(at.gw, 'echo.php', signed({ text }, { nowMs: clock }), {
			contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
		});
		expect(answer.json).toEqual({ code: 0, text });
	});

	it('answers 404 off /openapi2/*.php and 405 for GET', async () => {
		expect((await post(at.gw, '../other/x.php', good())).status).toBe(404);
		expect((await post(at.gw, QUERY, {}, { method: 'GET' })).status).toBe(405);
		expect(at.gw.calls).toEqual([]);
	});
});
