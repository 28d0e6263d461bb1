/**
 * Issue 6, clock skew: when the gateway refuses the timestamp, the node says that the clock is off
 * and how much the gateway allows (300 seconds) — in the Stop error, on every Failed item, and in
 * the credential's Test button — and stops sending, since every batch would be refused alike.
 */
import { testCredentials } from '../harness';
import { MockGateway } from '../mock/gateway';
import { TIMESTAMP_INVALID } from '../mock/messages';
import { LOGISTICS_ACK } from '../workflow/operations';
import { secretLeaks, signsSeen } from './secretScan';
import { descriptionCounts, ackRequests, countIn, nodeErrorText, runAck, wdtAck } from './support';

const TEN_MINUTES = 600_000;
const SAYS_CLOCK = /clock differs from Beijing time by more than 300 seconds \(5 minutes\), the most the gateway allows/;

let gateway: MockGateway | undefined;
afterEach(async () => {
	await gateway?.close();
	gateway = undefined;
});

async function skewed(offsetMs: number): Promise<MockGateway> {
	gateway = await MockGateway.start({ now: () => Date.now() + offsetMs });
	return gateway;
}

const records = (live: MockGateway, count: number) => live.seedPending(count).map((record) => ({ rec_id: record.rec_id, status: 0 }));

describe.each([
	['ahead', TEN_MINUTES],
	['behind', -TEN_MINUTES],
])('the gateway clock 10 minutes %s', (_label, offset) => {
	test('On Error = Stop: the error says the clock is off and the gateway allows 300 seconds', async () => {
		const live = await skewed(offset);
		const run = await runAck(LOGISTICS_ACK, live, records(live, 120));
		expect(run.result.status).toBe('error');
		const error = nodeErrorText(run);
		expect(error?.message).toContain(`ERP error 100 (${TIMESTAMP_INVALID})`);
		expect(error?.message).toMatch(SAYS_CLOCK);
		expect(error?.message).toMatch(/Synchroni[sz]e the clock/);
		expect(countIn(error?.description, descriptionCounts(LOGISTICS_ACK.words).done)).toBe(0);
		expect(countIn(error?.description, descriptionCounts(LOGISTICS_ACK.words).notDone)).toBe(120);
		expect(ackRequests(live, LOGISTICS_ACK)).toHaveLength(1);
		expect(live.ledger).toEqual([]);
		expect(secretLeaks(run, ['mock-secret', ...signsSeen(live)])).toEqual([]);
	});

	test('On Error = Continue: every item is Failed saying so, after a single request', async () => {
		const live = await skewed(offset);
		const run = await runAck(LOGISTICS_ACK, live, records(live, 120), { onError: 'continueRegularOutput' });
		expect(run.acknowledged).toEqual([]);
		expect(run.failed).toHaveLength(120);
		for (const item of run.failed) {
			const ack = wdtAck(item, LOGISTICS_ACK);
			expect(ack).toMatchObject({ reason: 'request_failed', code: '100' });
			expect(ack.error).toMatch(SAYS_CLOCK);
		}
		expect(wdtAck(run.failed[119], LOGISTICS_ACK).error).toMatch(/^Not sent: an earlier batch was refused, and every batch would be\./);
		expect(ackRequests(live, LOGISTICS_ACK)).toHaveLength(1);
		expect(live.ledger).toEqual([]);
		expect(secretLeaks(run, ['mock-secret', ...signsSeen(live)])).toEqual([]);
	});

	test("the credential's Test button says the clock is off", async () => {
		const live = await skewed(offset);
		const result = await testCredentials('wangdiantongApi', {
			environment: 'custom',
			baseUrl: live.baseUrl,
			sid: 'mock-sid',
			appKey: 'mock-appkey',
			appSecret: 'mock-secret',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(SAYS_CLOCK);
	});
});

test('a skew of 4 minutes is inside the window: everything is acknowledged', async () => {
	const live = await skewed(-240_000);
	const run = await runAck(LOGISTICS_ACK, live, records(live, 60));
	expect(run.result.status).toBe('success');
	expect(run.acknowledged).toHaveLength(60);
	expect(live.ledger).toHaveLength(60);
});

describe('the gateway clock jumps 10 minutes after the first batch', () => {
	async function jumping(): Promise<MockGateway> {
		let offset = 0;
		gateway = await MockGateway.start({ now: () => Date.now() + offset, onRequest: () => (offset = TEN_MINUTES) });
		return gateway;
	}

	test('On Error = Continue: batch 1 Acknowledged, the rest Failed with the clock reason, one more request', async () => {
		const live = await jumping();
		const run = await runAck(LOGISTICS_ACK, live, records(live, 120), { onError: 'continueRegularOutput' });
		expect(run.acknowledged).toHaveLength(50);
		expect(run.failed).toHaveLength(70);
		for (const item of run.failed) expect(wdtAck(item, LOGISTICS_ACK).error).toMatch(SAYS_CLOCK);
		expect(ackRequests(live, LOGISTICS_ACK)).toHaveLength(2);
		expect(live.ledger).toHaveLength(50);
	});

	test('On Error = Stop: the error counts the 50 acknowledged before the clock was refused', async () => {
		const live = await jumping();
		const run = await runAck(LOGISTICS_ACK, live, records(live, 120));
		const error = nodeErrorText(run);
		expect(error?.message).toMatch(/^Wangdiantong did not acknowledge batch 2 of 3: /);
		expect(error?.message).toMatch(SAYS_CLOCK);
		expect(countIn(error?.description, descriptionCounts(LOGISTICS_ACK.words).done)).toBe(live.ledger.length);
		expect(countIn(error?.description, descriptionCounts(LOGISTICS_ACK.words).notDone)).toBe(70);
	});
});
