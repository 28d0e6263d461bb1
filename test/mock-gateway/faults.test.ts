import { setTimeout as wait } from 'node:timers/promises';
import { MockGateway } from '../mock/gateway';
import { RATE_LIMITED } from '../mock/messages';
import type { Fault } from '../mock/types';
import { TestClient, ackList, signed } from './helpers';

const client = new TestClient();
let gw: MockGateway;
const ACK = 'logistics_sync_ack.php';
const QUERY = 'logistics_sync_query.php';

afterEach(() => gw.close());
afterAll(() => client.close());

beforeEach(async () => {
	gw = await MockGateway.start();
	gw.seedPending(3, { shopNo: 'shop-a', firstRecId: 1 });
});

const ackOne = (recId = '1', timeoutMs?: number) =>
	client.post(
		gw.baseUrl,
		ACK,
		signed({ logistics_list: ackList([{ rec_id: recId, status: 0 }]) }),
		{
			timeoutMs,
		},
	);

describe('fault injection', () => {
	it.each([500, 502, 503])('http %i: an error page, the request not processed', async (status) => {
		gw.injectFault({ kind: 'http', status });
		const answer = await ackOne();
		expect(answer.status).toBe(status);
		expect(answer.text).toContain('<html>');
		expect(gw.ledger).toHaveLength(0);
		expect(gw.requests[0]).toMatchObject({
			outcome: 'fault',
			processed: false,
			httpStatus: status,
		});
		expect((await ackOne()).json.code).toBe(0); // consumed: the next call is normal
	});

	it('reset before: no answer and nothing ledgered; reset after: no answer but ledgered', async () => {
		gw.injectFault({ kind: 'reset', when: 'before' });
		await expect(ackOne('1')).rejects.toThrow();
		expect(gw.ledger).toHaveLength(0);
		gw.injectFault({ kind: 'reset', when: 'after' });
		await expect(ackOne('1')).rejects.toThrow();
		expect(gw.ledger).toEqual([{ recId: '1', status: 0, message: '', requestNumber: 2 }]);
		expect(gw.requests.map((request) => [request.outcome, request.processed])).toEqual([
			['fault', false],
			['fault', true],
		]);
	});

	it('non_json before/after: HTTP 200 with an HTML page; only after is processed', async () => {
		gw.injectFault({ kind: 'non_json', when: 'before' });
		const before = await ackOne('1');
		expect(before.status).toBe(200);
		expect(() => JSON.parse(before.text)).toThrow();
		expect(gw.ledger).toHaveLength(0);
		gw.injectFault({ kind: 'non_json', when: 'after' });
		const after = await ackOne('1');
		expect(after.text).toContain('Fatal error');
		expect(gw.ledger.map((entry) => entry.recId)).toEqual(['1']);
	});

	it('rate_limit: code 1012 and not processed', async () => {
		gw.injectFault({ kind: 'rate_limit' });
		expect((await ackOne()).json).toEqual({ code: 1012, message: RATE_LIMITED });
		expect(gw.ledger).toHaveLength(0);
		expect(gw.requests[0]).toMatchObject({ outcome: 'fault', code: 1012, processed: false });
	});

	it('delay after: processed at once, answer too late for a client timeout', async () => {
		gw.injectFault({ kind: 'delay', ms: 500, when: 'after' });
		await expect(ackOne('1', 100)).rejects.toThrow();
		expect(gw.ledger.map((entry) => entry.recId)).toEqual(['1']);
	});

	it('delay before: a client that gave up is never processed', async () => {
		gw.injectFault({ kind: 'delay', ms: 300, when: 'before' });
		await expect(ackOne('1', 100)).rejects.toThrow();
		await wait(400);
		expect(gw.ledger).toHaveLength(0);
		expect(gw.requests[0]).toMatchObject({ outcome: 'fault', processed: false });
	});

	it('delay before and latency: a patient client gets the normal answer', async () => {
		for (const fault of [
			{ kind: 'delay', ms: 150, when: 'before' },
			{ kind: 'latency', ms: 150 },
		] satisfies Fault[]) {
			gw.injectFault(fault);
			const started = Date.now();
			const answer = await ackOne(String(gw.ledger.length + 1));
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
			expect(answer.json).toEqual({ code: 0, message: '', errors: [] });
		}
		expect(gw.ledger).toHaveLength(2);
	});

	it('matches faults to an api and consumes them `times` times', async () => {
		gw.injectFault({ kind: 'http', status: 503 }, { api: 'logistics_sync_query.php', times: 2 });
		expect((await ackOne()).status).toBe(200);
		const query = () => client.post(gw.baseUrl, QUERY, signed({ shop_no: 'shop-a' }));
		expect((await query()).status).toBe(503);
		expect((await query()).status).toBe(503);
		expect((await query()).status).toBe(200);
	});

	it('consults a fault plan for requests the queue has nothing for', async () => {
		const seen: Array<{ number: number; api: string }> = [];
		gw.setFaultPlan((ctx) => {
			seen.push(ctx);
			return ctx.number % 2 === 0 ? { kind: 'http', status: 502 } : undefined;
		});
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await ackOne(String(i + 1))).status);
		expect(statuses).toEqual([200, 502, 200, 502]);
		expect(seen.map((ctx) => ctx.api)).toEqual(Array(4).fill('logistics_sync_ack'));
		expect(gw.ledger.map((entry) => entry.recId)).toEqual(['1', '3']);
	});

	it('latencyMs delays every answer', async () => {
		await gw.close();
		gw = await MockGateway.start({ latencyMs: 120 });
		gw.seedPending(1, { firstRecId: 1 });
		const started = Date.now();
		expect((await ackOne()).json.code).toBe(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	it('close() does not wait for a delayed answer', async () => {
		gw.injectFault({ kind: 'delay', ms: 60_000, when: 'after' });
		const pending = ackOne();
		pending.catch(() => undefined);
		while (gw.requests.length === 0) await wait(5);
		const started = Date.now();
		await gw.close();
		expect(Date.now() - started).toBeLessThan(1000);
		await expect(pending).rejects.toThrow();
	});
});
