/**
 * The credential's `authenticate` and its Test button against the mock gateway over real HTTP.
 */
import { request } from 'undici';

import { WangdiantongApi } from '../../credentials/WangdiantongApi.credentials';
import { testCredentials } from '../harness';
import { DEFAULT_ACCOUNT, MockGateway } from '../mock/gateway';
import { mockCredentials } from '../workflow/ackWorkflow';

let gateway: MockGateway;
afterEach(async () => await gateway?.close());

const credentialData = (overrides: Record<string, string> = {}) => mockCredentials(gateway, overrides).wangdiantongApi;

/** Sends what `authenticate` produced, with undici, exactly as given. */
async function sendAuthenticated(body: Record<string, string>, qs?: Record<string, string>, data = credentialData()) {
	const signed = await new WangdiantongApi().authenticate(data, { url: 'logistics_sync_ack.php', method: 'POST', body, qs });
	const url = new URL(signed.url, signed.baseURL);
	const response = await request(url, {
		method: 'POST',
		body: signed.body as string,
		headers: signed.headers as Record<string, string>,
	});
	return { signed, url, answer: (await response.body.json()) as Record<string, unknown> };
}

describe('authenticate', () => {
	beforeEach(async () => {
		gateway = await MockGateway.start();
	});

	test('signs a request the gateway accepts, with everything in the form body', async () => {
		const [record] = gateway.seedPending(1);
		const list = JSON.stringify([{ rec_id: record.rec_id, status: 0, message: '同步成功 & 完成 #1 + 100%' }]);
		const { signed, url, answer } = await sendAuthenticated({ logistics_list: list });
		expect(answer).toEqual({ code: 0, message: '', errors: [] });
		expect(url.search).toBe('');
		expect(signed.qs).toBeUndefined();
		expect(gateway.ledger[0].message).toBe('同步成功 & 完成 #1 + 100%');
		const [call] = gateway.requests;
		expect(Object.keys(call.params).sort()).toEqual(['appkey', 'logistics_list', 'sid', 'timestamp']);
		expect(call.queryKeys).toEqual([]);
		expect(call.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(String(signed.body)).not.toContain(DEFAULT_ACCOUNT.appSecret);
	});

	test('query-string parameters are moved into the signed body', async () => {
		const [record] = gateway.seedPending(1);
		const list = JSON.stringify([{ rec_id: record.rec_id, status: 1 }]);
		const { answer } = await sendAuthenticated({}, { logistics_list: list });
		expect(answer.code).toBe(0);
		expect(gateway.requests[0].queryKeys).toEqual([]);
	});

	test('production and sandbox resolve to the vendor gateways', async () => {
		const api = new WangdiantongApi();
		const prod = await api.authenticate({ ...credentialData(), environment: 'production' }, { url: 'x.php', body: {} });
		const sandbox = await api.authenticate({ ...credentialData(), environment: 'sandbox' }, { url: 'x.php', body: {} });
		expect(prod.baseURL).toBe('https://api.wangdian.cn/openapi2/');
		expect(sandbox.baseURL).toBe('https://sandbox.wangdian.cn/openapi2/');
	});

	test('a custom base without trailing slash still keeps the script under it', async () => {
		const base = gateway.baseUrl.replace(/\/$/, '');
		const signed = await new WangdiantongApi().authenticate(credentialData({ baseUrl: base }), { url: 'logistics_sync_ack.php', body: {} });
		expect(new URL(signed.url, signed.baseURL).pathname).toBe('/openapi2/logistics_sync_ack.php');
	});

	test('a missing field or a bad custom URL is named, and the secret never appears in the error', async () => {
		const api = new WangdiantongApi();
		await expect(api.authenticate(credentialData({ sid: ' ' }), { url: 'x.php' })).rejects.toThrow(/Seller Account \(sid\)/);
		await expect(api.authenticate(credentialData({ baseUrl: 'api.wangdian.cn/openapi2' }), { url: 'x.php' })).rejects.toThrow(
			/not a valid URL/,
		);
		await expect(api.authenticate(credentialData({ baseUrl: 'https://h/openapi2?x=1' }), { url: 'x.php' })).rejects.toThrow(/query string/);
		const failure = await api.authenticate(credentialData({ appKey: '' }), { url: 'x.php' }).catch((e: Error) => e.message);
		expect(failure).not.toContain(DEFAULT_ACCOUNT.appSecret);
	});
});

describe("the credential's Test button (through n8n's RoutingNode)", () => {
	test('succeeds with the right sid, appkey, secret and clock, and acknowledges nothing', async () => {
		gateway = await MockGateway.start();
		expect(await testCredentials('wangdiantongApi', credentialData())).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(gateway.ledger).toEqual([]);
		expect(gateway.requests[0]).toMatchObject({ api: 'logistics_sync_ack', code: 0 });
	});

	test('a wrong secret is named, with the fix', async () => {
		gateway = await MockGateway.start();
		const result = await testCredentials('wangdiantongApi', credentialData({ appSecret: 'not-the-secret' }));
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^签名错误: The gateway rejected the signature: the App Secret in the credential is wrong/),
		});
	});

	test('an unknown appkey is named, with the fix', async () => {
		gateway = await MockGateway.start();
		const result = await testCredentials('wangdiantongApi', credentialData({ appKey: 'someone-else' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/does not know this appkey: check App Key/);
	});

	test('a skewed clock is named, with the allowed window and the fix', async () => {
		gateway = await MockGateway.start({ now: () => Date.now() + 10 * 60 * 1000 });
		const result = await testCredentials('wangdiantongApi', credentialData());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/clock differs from Beijing time by more than 300 seconds.*NTP/);
	});

	test('a disabled appkey is named', async () => {
		gateway = await MockGateway.start({ accounts: [{ ...DEFAULT_ACCOUNT, disabled: true }] });
		const result = await testCredentials('wangdiantongApi', credentialData());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/appkey is disabled/) });
	});
});
