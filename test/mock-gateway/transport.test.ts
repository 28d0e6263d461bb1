import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { MockGateway } from '../mock/gateway';
import { SIGN_MISMATCH } from '../mock/messages';
import { TestClient, ackList, signed } from './helpers';

const client = new TestClient();
let gw: MockGateway;
const ACK = 'logistics_sync_ack.php';

afterEach(() => gw.close());
afterAll(() => client.close());

beforeEach(async () => {
	gw = await MockGateway.start();
	gw.seedPending(2, { shopNo: 'shop-a', firstRecId: 1 });
});

const list = ackList([{ rec_id: '1', status: 0, message: 'a&b=c+d%#\n已发货' }]);

describe('HTTP behaviour', () => {
	it('listens on loopback with a /openapi2/ base', () => {
		expect(gw.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openapi2\/$/);
	});

	it('decodes a percent-encoded body exactly (charset allowed in the content type)', async () => {
		const answer = await client.post(gw.baseUrl, ACK, signed({ logistics_list: list }), {
			contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
		});
		expect(answer.json.code).toBe(0);
		expect(gw.ledger[0].message).toBe('a&b=c+d%#\n已发货');
	});

	it.each([
		['application/json', JSON.stringify(signed({ logistics_list: list }))],
		// Even a well-formed form body counts for nothing under another label.
		['text/plain', new URLSearchParams(signed({ logistics_list: list })).toString()],
	])('ignores a body sent as %s, as PHP $_POST does', async (contentType, body) => {
		const answer = await client.post(gw.baseUrl, ACK, body, { contentType });
		expect(answer.json).toEqual({ code: 100, message: '缺少参数sid' });
		expect(gw.requests[0].params).toEqual({});
		expect(gw.requests[0].contentType).toBe(contentType);
		expect(gw.ledger).toHaveLength(0);
	});

	it('signs query-string parameters too', async () => {
		const all = signed({ logistics_list: list, extra: 'q' });
		const { extra, ...bodyParams } = all;
		const answer = await client.post(gw.baseUrl, ACK, bodyParams, { query: { extra } });
		expect(answer.json.code).toBe(0);
		expect(gw.requests[0].queryKeys).toEqual(['extra']);
		// A stray query parameter the client did not sign breaks the sign.
		const stray = await client.post(gw.baseUrl, ACK, signed({ logistics_list: list }), {
			query: { x: '1' },
		});
		expect(stray.json).toEqual({ code: 100, message: SIGN_MISMATCH });
	});

	it('takes every parameter from the query string if need be', async () => {
		const params = signed({ logistics_list: list });
		expect((await client.post(gw.baseUrl, ACK, '', { query: params })).json.code).toBe(0);
	});

	it('answers 404 for an unknown script and 405 for GET', async () => {
		const unknown = await client.post(gw.baseUrl, 'trade_query.php', signed({}));
		expect(unknown.status).toBe(404);
		const get = await client.post(gw.baseUrl, ACK, {}, { method: 'GET' });
		expect(get.status).toBe(405);
		expect(gw.ledger).toHaveLength(0);
	});

	it('keeps connections alive between requests', async () => {
		const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
		const post = (body: string) =>
			new Promise<boolean>((resolve, reject) => {
				const req = httpRequest(new URL(ACK, gw.baseUrl), {
					method: 'POST',
					agent,
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				});
				req.on('response', (res) => {
					res.resume();
					res.on('end', () => resolve(req.reusedSocket));
				});
				req.on('error', reject);
				req.end(body);
			});
		const body = (id: string) =>
			new URLSearchParams(
				signed({ logistics_list: ackList([{ rec_id: id, status: 0 }]) }),
			).toString();
		expect(await post(body('1'))).toBe(false);
		expect(await post(body('2'))).toBe(true);
		agent.destroy();
		expect(gw.ledger).toHaveLength(2);
	});
});
