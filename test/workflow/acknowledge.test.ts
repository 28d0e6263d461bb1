/**
 * Logistics Sync → Acknowledge through n8n's real execution engine, against the mock gateway
 * over real HTTP. Assertions check both outputs, pairedItem, and the gateway's own ledger.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Wangdiantong } from '../../nodes/Wangdiantong/Wangdiantong.node';
import { createRegistry, runWorkflow } from '../harness';
import { MockGateway } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE, NODE_TYPE } from './ackWorkflow';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

/** Fast retries so that fault tests take milliseconds; the defaults are seconds. */
const quickRetries = { retries: 3, retryWait: 5, rateLimitWait: 0.02, timeout: 500 };

async function acknowledge(records: IDataObject[], options: Parameters<typeof ackWorkflow>[1] = {}) {
	const result = await runWorkflow({ workflow: ackWorkflow(records, options), credentials: mockCredentials(gateway) });
	return result;
}

function routes(result: Awaited<ReturnType<typeof acknowledge>>): { acknowledged: INodeExecutionData[]; failed: INodeExecutionData[] } {
	const [acknowledged = [], failed = []] = result.outputs(NODE);
	return { acknowledged, failed };
}

const pending = (count: number) => gateway.seedPending(count).map((r) => r.rec_id);
const ackCalls = () => gateway.requests.filter((r) => r.api === 'logistics_sync_ack');

test('237 records: 5 signed batches, all Acknowledged in order with pairedItem, all ledgered', async () => {
	const ids = pending(237);
	const result = await acknowledge(ids.map((rec_id, i) => ({ rec_id, status: i % 3 === 0 ? 1 : 0, message: `第${i}条` })));
	expect(result.status).toBe('success');
	const { acknowledged, failed } = routes(result);
	expect(failed).toEqual([]);
	expect(acknowledged.map((item) => item.pairedItem)).toEqual(ids.map((_, i) => ({ item: i })));
	expect(acknowledged[3].json).toEqual({
		rec_id: ids[3],
		status: 1,
		message: '第3条',
		wdtAck: { recId: ids[3], status: 1, message: '第3条' },
	});
	expect(ackCalls().map((call) => JSON.parse(call.params.logistics_list).length)).toEqual([50, 50, 50, 50, 37]);
	expect(gateway.ledger.map((entry) => [entry.recId, entry.status])).toEqual(ids.map((id, i) => [id, i % 3 === 0 ? 1 : 0]));
});

test('valid, invalid, unknown and no-longer-pending records mixed: each item leaves on exactly one output with its reason', async () => {
	const [a, b] = pending(2);
	gateway.addAcknowledged([{ rec_id: '5000' }]);
	const items: IDataObject[] = [
		{ rec_id: a, status: 'success', message: '已同步', order: 'T1' },
		{ rec_id: 'abc', status: 0, order: 'T2' },
		{ rec_id: '424242', status: 0, order: 'T3' },
		{ rec_id: b, status: 'maybe', order: 'T4' },
		{ rec_id: '5000', status: 1, message: '平台拒绝', order: 'T5' },
		{ rec_id: Number(b), status: true, order: 'T6' },
	];
	const { acknowledged, failed } = routes(await acknowledge(items));

	expect(acknowledged).toEqual([
		{ json: { ...items[0], wdtAck: { recId: a, status: 0, message: '已同步' } }, pairedItem: { item: 0 } },
		// 非待同步状态: an earlier ack took it; done, not refused.
		{ json: { ...items[4], wdtAck: { recId: '5000', status: 1, message: '平台拒绝', noLongerPending: true } }, pairedItem: { item: 4 } },
		{ json: { ...items[5], wdtAck: { recId: b, status: 0 } }, pairedItem: { item: 5 } },
	]);
	expect(failed.map((item) => [item.pairedItem, item.json.order, item.json.wdtAck])).toEqual([
		[{ item: 1 }, 'T2', { reason: 'invalid', field: 'rec_id', error: expect.stringMatching(/rec_id must be a string of digits.*"abc"/) }],
		[{ item: 2 }, 'T3', { recId: '424242', status: 0, reason: 'rejected', error: '记录不存在' }],
		[{ item: 3 }, 'T4', { reason: 'invalid', field: 'status', error: expect.stringMatching(/got the text "maybe"/) }],
	]);
	// The invalid items were never sent.
	expect(JSON.parse(ackCalls()[0].params.logistics_list).map((r: IDataObject) => r.rec_id)).toEqual([a, '424242', '5000', b]);
	expect(gateway.ledger.map((entry) => entry.recId)).toEqual([a, b]);
});

test('the same items acknowledged again (n8n re-running the node after a worker died in it) all end on Acknowledged, none refused', async () => {
	// Queue mode with "save execution progress": a worker dies after the gateway took the batch;
	// n8n runs Acknowledge again on another worker with the very same items.
	const ids = pending(120);
	const items = ids.map((rec_id, i) => ({ rec_id, status: i % 7 === 0 ? 1 : 0 }));
	await acknowledge(items);
	expect(gateway.ledger).toHaveLength(120);
	const { acknowledged, failed } = routes(await acknowledge(items));
	expect(failed).toEqual([]);
	expect(acknowledged.map((item) => item.json.wdtAck)).toEqual(
		items.map(({ rec_id, status }) => ({ recId: rec_id, status, noLongerPending: true })),
	);
	expect(gateway.ledger).toHaveLength(120); // once each, by the first run
});

test('a rec_id beyond 2^53 travels and comes back exactly', async () => {
	const [big] = gateway.seedPending(1, { firstRecId: 12345678901234567890n }).map((r) => r.rec_id);
	expect(big).toBe('12345678901234567890');
	const { acknowledged } = routes(await acknowledge([{ rec_id: big, status: 0 }]));
	expect(acknowledged[0].json.wdtAck).toEqual({ recId: '12345678901234567890', status: 0 });
	expect(gateway.ledger[0].recId).toBe('12345678901234567890');
});

test('messages longer than 255 code points are cut, never inside an emoji, and marked', async () => {
	const [a, b] = pending(2);
	const chinese = '平台返回错误'.repeat(60); // 360 code points
	const emoji = 'x'.repeat(254) + '📦📦'; // 256 code points, 258 UTF-16 units
	const { acknowledged } = routes(await acknowledge([
		{ rec_id: a, status: 1, message: chinese },
		{ rec_id: b, status: 1, message: emoji },
	]));
	expect(acknowledged.map((item) => item.json.wdtAck)).toEqual([
		{ recId: a, status: 1, message: chinese.slice(0, 255), messageTruncated: true },
		{ recId: b, status: 1, message: 'x'.repeat(254) + '📦', messageTruncated: true },
	]);
	expect(gateway.ledger.map((entry) => entry.message)).toEqual([chinese.slice(0, 255), 'x'.repeat(254) + '📦']);
});

test('a wrong secret with On Error = Stop: the node fails naming the ERP code and text; nothing is acknowledged', async () => {
	const ids = pending(120);
	const result = await runWorkflow({
		workflow: ackWorkflow(ids.map((rec_id) => ({ rec_id, status: 0 }))),
		credentials: mockCredentials(gateway, { appSecret: 'wrong-secret' }),
	});
	expect(result.status).toBe('error');
	const error = result.nodeError(NODE);
	expect(error?.message).toBe(
		'Wangdiantong did not acknowledge batch 1 of 3: ERP error 100 (签名错误): The gateway rejected the signature: the App Secret in the credential is wrong. Copy the appsecret again from the ERP open platform (自助对接).',
	);
	expect(error?.description).toMatch(/^Acknowledged: 0\.\nNot acknowledged: 120 /);
	expect(ackCalls()).toHaveLength(1);
	expect(gateway.ledger).toEqual([]);
});

test.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
	'a wrong secret with On Error = %s: one request, then every item on Failed with the reason',
	async (onError) => {
		const ids = pending(120);
		const result = await runWorkflow({
			workflow: ackWorkflow(ids.map((rec_id) => ({ rec_id, status: 0 })), { onError }),
			credentials: mockCredentials(gateway, { appSecret: 'wrong-secret' }),
		});
		expect(result.status).toBe('success');
		const { acknowledged, failed } = routes(result);
		expect(acknowledged).toEqual([]);
		expect(failed).toHaveLength(120);
		expect(failed.map((item) => item.pairedItem)).toEqual(ids.map((_, i) => ({ item: i })));
		expect(failed[0].json.wdtAck).toMatchObject({ reason: 'request_failed', code: '100', error: expect.stringContaining('签名错误') });
		expect(failed[119].json.wdtAck).toMatchObject({ reason: 'request_failed', code: '100', error: expect.stringMatching(/^Not sent: an earlier batch was refused/) });
		expect(ackCalls()).toHaveLength(1);
	},
);

test('a batch failing after retries with On Error = Stop says how many earlier batches were acknowledged', async () => {
	const ids = pending(150);
	gateway.setFaultPlan(({ number }) => (number >= 2 ? { kind: 'http', status: 503 } : undefined));
	const result = await acknowledge(ids.map((rec_id) => ({ rec_id, status: 0 })), { parameters: { options: { ...quickRetries, retries: 1 } } });
	expect(result.status).toBe('error');
	const error = result.nodeError(NODE);
	expect(error?.message).toBe('Wangdiantong did not acknowledge batch 2 of 3: The gateway answered HTTP 503');
	expect(error?.description).toMatch(/^Acknowledged: 50\.\nNot acknowledged: 100 /);
	expect(error?.description).toMatch(/\n\nThe failed batch held items 50–99; it was tried 2 times\./);
	expect(error?.description).not.toMatch(/Possibly acknowledged/); // a 503 turns requests away unprocessed
	expect(gateway.ledger).toHaveLength(50);
});

test('a batch whose answers were lost after the gateway took it is reported possibly acknowledged', async () => {
	const ids = pending(100);
	gateway.setFaultPlan(({ number }) => (number === 2 ? { kind: 'reset', when: 'after' } : number > 2 ? { kind: 'http', status: 502 } : undefined));
	const result = await acknowledge(ids.map((rec_id) => ({ rec_id, status: 0 })), { onError: 'continueRegularOutput', parameters: { options: { ...quickRetries, retries: 1 } } });
	const { acknowledged, failed } = routes(result);
	expect(acknowledged).toHaveLength(50);
	expect(failed).toHaveLength(50);
	expect(failed[0].json.wdtAck).toMatchObject({
		reason: 'request_failed',
		httpStatus: 502,
		possiblyAcknowledged: true,
		error: expect.stringMatching(/^The gateway answered HTTP 502 \(after 2 attempts\)\. The ERP may have processed this batch/),
	});
	expect(gateway.ledger).toHaveLength(100); // it did
});

test('transient faults are retried inside the node; a batch processed before a reset is confirmed, not failed', async () => {
	const ids = pending(100);
	gateway.injectFault({ kind: 'reset', when: 'after' }, { times: 1 });
	gateway.injectFault({ kind: 'http', status: 502 }, { times: 1 });
	gateway.injectFault({ kind: 'rate_limit' }, { times: 1 });
	const { acknowledged, failed } = routes(await acknowledge(ids.map((rec_id) => ({ rec_id, status: 0 })), { parameters: { options: quickRetries } }));
	expect(failed).toEqual([]);
	expect(acknowledged).toHaveLength(100);
	expect(acknowledged[0].json.wdtAck).toEqual({ recId: ids[0], status: 0, noLongerPending: true, acknowledgedByEarlierAttempt: true });
	expect(acknowledged[99].json.wdtAck).toEqual({ recId: ids[99], status: 0 });
	expect(gateway.ledger.map((entry) => entry.recId)).toEqual(ids);
});

test('the waits really wait: Rate Limit Wait after a 1012, at least half of Retry Wait after a 503', async () => {
	// On n8n 2.x every wait once returned at once (a helper 2.x no longer exports), and all the
	// other tests still passed: their waits are a few milliseconds anyway. Lower bounds only.
	const ids = pending(2);
	gateway.injectFault({ kind: 'rate_limit' }, { times: 1 });
	const limited = await acknowledge(ids.map((rec_id) => ({ rec_id, status: 0 })), { parameters: { options: { rateLimitWait: 0.4 } } });
	expect(routes(limited).acknowledged).toHaveLength(2);
	expect(limited.run.data.resultData.runData[NODE][0].executionTime).toBeGreaterThanOrEqual(400);

	const [other] = pending(1);
	gateway.injectFault({ kind: 'http', status: 503 }, { times: 1 });
	const retried = await acknowledge([{ rec_id: other, status: 0 }], { parameters: { options: { retryWait: 600 } } });
	expect(routes(retried).acknowledged).toHaveLength(1);
	expect(retried.run.data.resultData.runData[NODE][0].executionTime).toBeGreaterThanOrEqual(300);
});

test('Invalid Items = Stop the Workflow: nothing is sent and the error names the item and field', async () => {
	const ids = pending(3);
	const result = await acknowledge(
		[{ rec_id: ids[0], status: 0 }, { rec_id: ids[1], status: 7 }, { rec_id: ids[2], status: 0 }],
		{ parameters: { options: { invalidItems: 'stop' } } },
	);
	expect(result.status).toBe('error');
	expect(result.nodeError(NODE)?.message).toMatch(/^Item 1: status must be 0/);
	expect(gateway.requests).toEqual([]);
});

test('custom mappings read other fields, and a mapping that throws fails only its item', async () => {
	const [a, b] = pending(2);
	const result = await acknowledge(
		[
			{ trade: { id: a }, ok: true, note: 'fine' },
			{ trade: null, ok: true },
			{ trade: { id: b }, ok: false, note: '平台接口超时' },
		],
		{ parameters: { recId: '={{ $json.trade.id }}', status: '={{ $json.ok }}', message: '={{ $json.note }}' } },
	);
	const { acknowledged, failed } = routes(result);
	expect(acknowledged.map((item) => item.json.wdtAck)).toEqual([
		{ recId: a, status: 0, message: 'fine' },
		{ recId: b, status: 1, message: '平台接口超时' },
	]);
	expect(failed).toHaveLength(1);
	expect(failed[0].pairedItem).toEqual({ item: 1 });
	expect(failed[0].json.wdtAck).toMatchObject({ reason: 'invalid', field: 'rec_id' });
});

test('the app secret and the sign appear in no output, error or log', async () => {
	const ids = pending(60);
	gateway.injectFault({ kind: 'http', status: 502 }, { times: 1 });
	const result = await acknowledge([...ids.map((rec_id) => ({ rec_id, status: 0 })), { rec_id: 'bad', status: 0 }], {
		parameters: { options: quickRetries },
	});
	const signs = gateway.requests.map((r) => r.sign);
	expect(signs).toHaveLength(3);
	expect(result.logs.length).toBeGreaterThan(0); // the retry was logged, and is scanned too
	const everything = JSON.stringify([result.run, result.logs]);
	expect(everything).not.toContain('mock-secret');
	for (const sign of signs) expect(everything).not.toContain(sign);
});

test("through n8n's HTTP helper, a refused connection is a connect failure and is not called processed", async () => {
	const result = await runWorkflow({
		workflow: ackWorkflow([{ rec_id: '1', status: 0 }], { onError: 'continueRegularOutput', parameters: { options: { ...quickRetries, retries: 1 } } }),
		credentials: mockCredentials(gateway, { baseUrl: 'http://127.0.0.1:1/openapi2/' }),
	});
	const { failed } = routes(result);
	expect(failed[0].json.wdtAck).toMatchObject({
		reason: 'request_failed',
		error: 'Could not connect to the gateway (ECONNREFUSED) (after 2 attempts)',
	});
});

test("through n8n's HTTP helper, an answer slower than the timeout is retried and confirmed", async () => {
	const [id] = pending(1);
	gateway.injectFault({ kind: 'delay', ms: 1500, when: 'after' }, { times: 1 });
	const { acknowledged } = routes(await acknowledge([{ rec_id: id, status: 0 }], { parameters: { options: { ...quickRetries, timeout: 200 } } }));
	expect(acknowledged[0].json.wdtAck).toEqual({ recId: id, status: 0, noLongerPending: true, acknowledgedByEarlierAttempt: true });
	expect(gateway.ledger).toHaveLength(1);
});

test('cancelling the execution stops sending between batches', async () => {
	await gateway.close();
	const controller = new AbortController();
	gateway = await MockGateway.start({ latencyMs: 20, onRequest: () => controller.abort() });
	const ids = pending(200);
	const result = await runWorkflow({
		workflow: ackWorkflow(ids.map((rec_id) => ({ rec_id, status: 0 }))),
		credentials: mockCredentials(gateway),
		signal: controller.signal,
	});
	expect(result.status).toBe('canceled');
	expect(ackCalls().length).toBeLessThanOrEqual(2);
	expect(gateway.ledger.length).toBeLessThan(200);
});

test('called as an AI tool, output 0 carries every item, acknowledged first, each with its wdtAck', async () => {
	const registry = createRegistry();
	registry.addNodeType(`${NODE_TYPE}Tool`, new Wangdiantong());
	const [id] = pending(1);
	const workflow = ackWorkflow([{ rec_id: id, status: 0 }, { rec_id: 'nope', status: 0 }]);
	workflow.nodes[1].type = `${NODE_TYPE}Tool`;
	const result = await runWorkflow({ workflow, registry, credentials: mockCredentials(gateway) });
	const [toAgent, failed] = result.outputs(NODE);
	expect(toAgent.map((item) => item.json.wdtAck)).toEqual([
		{ recId: id, status: 0, acknowledged: true },
		expect.objectContaining({ reason: 'invalid', field: 'rec_id', acknowledged: false }),
	]);
	expect(toAgent.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(failed).toEqual([]);
});
