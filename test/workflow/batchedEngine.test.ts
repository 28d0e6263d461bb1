/**
 * What the batched engine guarantees for every operation on it (test/workflow/operations.ts),
 * through n8n's engine against the mock gateway: the ERP's batch limit holds whatever the user
 * types, a rate-limited batch is tried a counted, bounded number of times, and a cancelled
 * execution ends during a rate-limit wait instead of waiting it out.
 */
import { rateLimitRetries } from '../../nodes/Wangdiantong/core/retry';
import { RATE_LIMIT_WAIT_SECONDS_DEFAULT } from '../../nodes/Wangdiantong/core/limits';
import { runWorkflow } from '../harness';
import { MockGateway } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE } from './ackWorkflow';
import { BATCHED, QUERIES, sentList } from './operations';

let gateway: MockGateway;
afterEach(async () => await gateway.close());

describe.each(BATCHED)('$name', (profile) => {
	const calls = () => gateway.requests.filter((request) => request.api === profile.api);

	test('a Batch Size above the ERP’s limit, typed as an expression, never sends more than the limit', async () => {
		gateway = await MockGateway.start();
		const items = profile.acceptableItems(gateway, 250);
		const options = { batchSize: `={{ ${profile.maxBatch + 1} }}` };
		const result = await runWorkflow({
			workflow: ackWorkflow(items, { parameters: { ...profile.parameters, options } }),
			credentials: mockCredentials(gateway),
		});
		expect(result.status).toBe('success');
		const [done, failed] = result.outputs(NODE);
		expect([done.length, failed.length]).toEqual([250, 0]);
		const chunks = Array.from({ length: Math.ceil(250 / profile.maxBatch) }, (_, i) => Math.min(profile.maxBatch, 250 - i * profile.maxBatch));
		expect(calls().map((request) => sentList(request, profile).length)).toEqual(chunks);
	});

	test('a gateway that answers 1012 forever gets a counted, bounded number of attempts, then the records fail with the code', async () => {
		gateway = await MockGateway.start();
		const items = profile.acceptableItems(gateway, 3);
		gateway.injectFault({ kind: 'rate_limit' }, { times: 1000 });
		const retry = { maxRetries: 2, rateLimitDelayMs: 10 };
		const result = await runWorkflow({
			workflow: ackWorkflow(items, {
				parameters: { ...profile.parameters, options: { retries: retry.maxRetries, rateLimitWait: retry.rateLimitDelayMs / 1000 } },
				onError: 'continueRegularOutput',
			}),
			credentials: mockCredentials(gateway),
		});
		// A tiny wait counts as the default one: about five minutes' worth of attempts, not thousands.
		const allowed = rateLimitRetries({ ...retry, baseDelayMs: 1, maxDelayMs: 1 });
		expect(allowed).toBe(Math.ceil(300 / RATE_LIMIT_WAIT_SECONDS_DEFAULT));
		expect(calls()).toHaveLength(allowed + 1);
		const [done, failed] = result.outputs(NODE);
		expect(done).toEqual([]);
		expect(failed.map((item) => item.json[profile.outputKey])).toEqual(
			items.map(() => expect.objectContaining({ reason: 'request_failed', code: '1012', error: expect.stringContaining(`after ${allowed + 1} attempts`) })),
		);
	});

	test('stopping the execution during a rate-limit wait ends it promptly, with nothing more sent', async () => {
		const controller = new AbortController();
		gateway = await MockGateway.start({ onRequest: () => setTimeout(() => controller.abort(), 200) });
		const items = profile.acceptableItems(gateway, 150);
		gateway.injectFault({ kind: 'rate_limit' }, { times: 1000 });
		const started = Date.now();
		const result = await runWorkflow({
			// Short enough not to keep jest waiting on the abandoned timer afterwards, long enough to tell.
			workflow: ackWorkflow(items, { parameters: { ...profile.parameters, options: { rateLimitWait: 5 } } }),
			credentials: mockCredentials(gateway),
			signal: controller.signal,
		});
		expect(result.status).toBe('canceled');
		// Stopped 0.2 s after the first answer, within a 5 s wait: the run ends long before the wait would.
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(calls()).toHaveLength(1);
	});
});

describe.each(QUERIES)('$name', (profile) => {
	test('a Max Records above the ERP’s limit, typed as an expression, asks for the limit', async () => {
		gateway = await MockGateway.start();
		profile.seed(gateway, 120, 'mall01');
		const result = await runWorkflow({
			workflow: ackWorkflow([{}], { parameters: { ...profile.parameters, shopNo: 'mall01', maxRecords: '={{ 101 }}' } }),
			credentials: mockCredentials(gateway),
		});
		expect(result.status).toBe('success');
		expect(result.outputs(NODE)[0]).toHaveLength(100);
		expect(gateway.requests.map((request) => [request.api, request.params.limit])).toEqual([[profile.api, '100']]);
	});
});
