/**
 * The protocol core's batch runner against the mock gateway over real HTTP (undici), outside n8n.
 */
import { runInBatches, type BatchRunOptions } from '../../nodes/Wangdiantong/core/batched/run';
import { logisticsAck } from '../../nodes/Wangdiantong/actions/logisticsSync/acknowledge/logisticsAck';
import { retryingCall, type GatewaySend } from '../../nodes/Wangdiantong/core/call';
import type { RetryPolicy } from '../../nodes/Wangdiantong/core/retry';
import type { AckRecord } from '../../nodes/Wangdiantong/actions/logisticsSync/acknowledge/record';
import { DEFAULT_ACCOUNT, MockGateway } from '../mock/gateway';
import { createUndiciTransport } from '../support/undiciTransport';

let gateway: MockGateway;
let transport: ReturnType<typeof createUndiciTransport>;

beforeEach(async () => {
	gateway = await MockGateway.start();
	transport = createUndiciTransport({ baseUrl: gateway.baseUrl, credentials: DEFAULT_ACCOUNT, timeoutMs: 300 });
});
afterEach(async () => {
	await transport.close();
	await gateway.close();
});

const records = (ids: readonly string[], status: 0 | 1 = 0): AckRecord[] =>
	ids.map((recId) => ({ recId, status, message: '同步成功', messageTruncated: false }));

interface RunOverrides extends Partial<Omit<BatchRunOptions<AckRecord>, 'call' | 'operation'>> {
	send?: GatewaySend;
	retry?: RetryPolicy;
	sleep?: (ms: number) => Promise<void>;
}

function run(list: AckRecord[], { send, retry, ...overrides }: RunOverrides = {}) {
	const sleep = overrides.sleep ?? (async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const isCancelled = overrides.isCancelled ?? (() => false);
	return runInBatches({
		operation: logisticsAck,
		records: list,
		batchSize: 50,
		concurrency: 1,
		pauseBetweenBatchesMs: 0,
		stopOnBatchFailure: false,
		call: retryingCall(send ?? transport.send, {
			retry: retry ?? { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, rateLimitDelayMs: 30 },
			sleep,
			random: () => 0.5,
			isCancelled,
		}),
		sleep,
		isCancelled,
		...overrides,
	});
}

const ackRequests = () => gateway.requests.filter((r) => r.api === 'logistics_sync_ack');

test('237 records go in 5 signed batches, in order, and the gateway ledgers every one', async () => {
	const ids = gateway.seedPending(237).map((r) => r.rec_id);
	const result = await run(records(ids));
	expect(result.outcomes.every((o) => o.kind === 'accepted')).toBe(true);
	expect(ackRequests().map((r) => JSON.parse(r.params.logistics_list).length)).toEqual([50, 50, 50, 50, 37]);
	expect(gateway.ledger.map((e) => e.recId)).toEqual(ids);
	expect(gateway.pending()).toHaveLength(0);
});

test('records the gateway refuses are rejected with its text; the rest are acknowledged; no longer pending is done', async () => {
	const [a, b] = gateway.seedPending(2).map((r) => r.rec_id);
	gateway.addAcknowledged([{ rec_id: '777' }]);
	const result = await run(records([a, '999999', b, '777']));
	expect(result.outcomes).toEqual([
		{ kind: 'accepted', byEarlierAttempt: false, noLongerPending: false },
		{ kind: 'rejected', error: '记录不存在' },
		{ kind: 'accepted', byEarlierAttempt: false, noLongerPending: false },
		{ kind: 'accepted', byEarlierAttempt: false, noLongerPending: true },
	]);
});

test('a 502 and a garbled answer are retried, each attempt signed with its own timestamp', async () => {
	const ids = gateway.seedPending(3).map((r) => r.rec_id);
	gateway.injectFault({ kind: 'http', status: 502 }, { times: 1 });
	gateway.injectFault({ kind: 'non_json', when: 'before' }, { times: 1 });
	const result = await run(records(ids));
	expect(result.outcomes.every((o) => o.kind === 'accepted' && !o.byEarlierAttempt)).toBe(true);
	expect(ackRequests()).toHaveLength(3);
	expect(gateway.ledger).toHaveLength(3);
});

test('a reset after the gateway processed the batch: the retry confirms it instead of failing it', async () => {
	const ids = gateway.seedPending(2).map((r) => r.rec_id);
	gateway.injectFault({ kind: 'reset', when: 'after' }, { times: 1 });
	const result = await run(records(ids));
	expect(result.outcomes).toEqual([
		{ kind: 'accepted', byEarlierAttempt: true, noLongerPending: true },
		{ kind: 'accepted', byEarlierAttempt: true, noLongerPending: true },
	]);
	expect(gateway.ledger.map((e) => e.recId)).toEqual(ids); // once each, by the first attempt
});

test('an answer slower than the timeout is retried; the late-processed batch is confirmed', async () => {
	const ids = gateway.seedPending(1).map((r) => r.rec_id);
	gateway.injectFault({ kind: 'delay', ms: 1000, when: 'after' }, { times: 1 });
	const result = await run(records(ids));
	expect(result.outcomes).toEqual([{ kind: 'accepted', byEarlierAttempt: true, noLongerPending: true }]);
});

test('rate limiting (1012) waits the rate-limit delay and then succeeds', async () => {
	const ids = gateway.seedPending(1).map((r) => r.rec_id);
	gateway.injectFault({ kind: 'rate_limit' }, { times: 2 });
	const waits: number[] = [];
	const result = await run(records(ids), {
		sleep: async (ms) => {
			waits.push(ms);
		},
	});
	expect(result.outcomes[0].kind).toBe('accepted');
	expect(waits).toEqual([32, 32]); // round(30 ms × (1 + 0.1 × 0.5 jitter)), not the 5 ms backoff
});

test('a batch rate-limited more often than Retries keeps waiting its turn and goes through', async () => {
	// Loops sharing an appkey: one may meet 1012 many times in a row while the others use the window.
	const ids = gateway.seedPending(2).map((r) => r.rec_id);
	gateway.injectFault({ kind: 'rate_limit' }, { times: 8 });
	gateway.injectFault({ kind: 'http', status: 503 }, { times: 3 }); // transient retries: still 3 of their own
	const waits: number[] = [];
	const result = await run(records(ids), { sleep: async (ms) => void waits.push(ms) });
	expect(result.outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted']);
	expect(ackRequests()).toHaveLength(12);
	expect(waits.filter((ms) => ms === 32)).toHaveLength(8);
});

test('a gateway failing every request gets retries + 1 attempts per batch and every record is reported', async () => {
	const ids = gateway.seedPending(120).map((r) => r.rec_id);
	gateway.setFaultPlan(() => ({ kind: 'http', status: 503 }));
	const result = await run(records(ids));
	expect(ackRequests()).toHaveLength(3 * 4);
	expect(result.outcomes).toHaveLength(120);
	expect(result.outcomes.every((o) => o.kind === 'request_failed' && o.attempts === 4 && o.sent)).toBe(true);
});

test('a wrong secret stops sending: one request, every record failed with the sign error', async () => {
	const ids = gateway.seedPending(120).map((r) => r.rec_id);
	const wrong = createUndiciTransport({ baseUrl: gateway.baseUrl, credentials: { ...DEFAULT_ACCOUNT, appSecret: 'nope' } });
	try {
		const result = await run(records(ids), {
			send: wrong.send,
		});
		expect(ackRequests()).toHaveLength(1);
		expect(result.outcomes.slice(0, 50).every((o) => o.kind === 'request_failed' && o.sent)).toBe(true);
		expect(result.outcomes.slice(50).every((o) => o.kind === 'request_failed' && !o.sent)).toBe(true);
		const first = result.outcomes[0];
		expect(first.kind === 'request_failed' && first.failure.erpMessage).toBe('签名错误');
	} finally {
		await wrong.close();
	}
});

test('stop on batch failure: the run ends at the failed batch and says which one', async () => {
	const ids = gateway.seedPending(150).map((r) => r.rec_id);
	gateway.setFaultPlan(({ number }) => (number === 2 ? { kind: 'http', status: 500 } : undefined));
	const result = await run(records(ids), { stopOnBatchFailure: true, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, rateLimitDelayMs: 1 } });
	expect(result.stoppedBy).toMatchObject({ batchNumber: 2, batchCount: 3, firstRecord: 50, recordCount: 50, attempts: 1 });
	expect(result.outcomes.slice(0, 50).every((o) => o.kind === 'accepted')).toBe(true);
	expect(result.outcomes.slice(100).every((o) => o.kind === 'not_sent')).toBe(true);
	expect(ackRequests()).toHaveLength(2);
});

test('with concurrency 3 every record is still acknowledged exactly once', async () => {
	const ids = gateway.seedPending(500).map((r) => r.rec_id);
	const result = await run(records(ids), { concurrency: 3, batchSize: 20 });
	expect(result.outcomes.every((o) => o.kind === 'accepted')).toBe(true);
	expect([...gateway.ledger.map((e) => e.recId)].sort()).toEqual([...ids].sort());
});

test('cancellation between batches stops sending; the unsent records say so', async () => {
	const ids = gateway.seedPending(200).map((r) => r.rec_id);
	let cancelled = false;
	const result = await run(records(ids), {
		send: async (script, params) => {
			const answer = await transport.send(script, params);
			if (ackRequests().length === 2) cancelled = true;
			return answer;
		},
		isCancelled: () => cancelled,
	});
	expect(result.cancelled).toBe(true);
	expect(ackRequests()).toHaveLength(2);
	expect(result.outcomes.slice(100).every((o) => o.kind === 'not_sent' && o.why === 'cancelled')).toBe(true);
});
