/**
 * Issue 6, deterministic companions of the fault schedules, for every operation on the batched
 * engine: what the node says when the gateway processed a batch but every answer to it was lost,
 * and what its Stop error says.
 */
import type { IDataObject } from 'n8n-workflow';

import { MockGateway, type Fault } from '../mock/gateway';
import { RELIABLE } from '../workflow/operations';
import { TIMEOUT_MS } from './schedule';
import { secretLeaks, signsSeen } from './secretScan';
import { descriptionCounts, countIn, ledgeredIds, nodeErrorText, runAck as runAckRaw, wdtAck, type AckRun, type RunAckOptions } from './support';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

/**
 * No answer is held here unless a test holds it past TIMEOUT_MS (`held`): elsewhere a timeout that
 * a stalled event loop cannot reach, or a delivered 1012 or reset could read as a timeout.
 */
const quick = { timeout: 10_000, retryWait: 2, rateLimitWait: 0.01 };
const held = (faults: Fault[]) => (faults.some((fault) => fault.kind === 'delay') ? { timeout: TIMEOUT_MS } : {});

describe.each(RELIABLE)('$name', (profile) => {
	/** Every run here is scanned for the secret and the signs too. */
	async function runAck(live: MockGateway, items: IDataObject[], options: RunAckOptions): Promise<AckRun> {
		const run = await runAckRaw(profile, live, items, options);
		expect(secretLeaks(run, ['mock-secret', ...signsSeen(live)])).toEqual([]);
		return run;
	}

	const pending = (count: number) => profile.acceptableItems(gateway, count);
	/** How many records the gateway took, however often. */
	const taken = () => ledgeredIds(profile, gateway).size;

	describe('every answer to a processed batch lost (On Error = Continue)', () => {
		// Once a gap (fixed): the node knew the gateway may have processed the batch
		// (failure.mayHaveBeenProcessed / earlierAttemptMayHaveLanded) but dropped that knowledge: these
		// Failed items looked exactly like records that never arrived.
		test.each<[string, Fault[], number]>([
			['a reset after processing, no retries', [{ kind: 'reset', when: 'after' }], 0],
			['a garbled answer after processing, then a 503', [{ kind: 'non_json', when: 'after' }, { kind: 'http', status: 503 }], 1],
			['an answer slower than the timeout, twice', [{ kind: 'delay', ms: TIMEOUT_MS * 3, when: 'after' }, { kind: 'delay', ms: TIMEOUT_MS * 3, when: 'after' }], 1],
		])('%s: the ledgered records are Failed with wdtAck.possiblyAcknowledged', async (_name, faults, retries) => {
			for (const fault of faults) gateway.injectFault(fault);
			const run = await runAck(gateway, pending(3), { onError: 'continueRegularOutput', parameters: { options: { ...quick, retries, ...held(faults) } } });
			expect(taken()).toBe(3);
			expect(run.acknowledged).toEqual([]);
			expect(run.failed.map((item) => wdtAck(item, profile))).toEqual(
				Array.from({ length: 3 }, () => expect.objectContaining({ reason: 'request_failed', possiblyDone: true })),
			);
		});

		test('a batch refused with 1012 on every attempt is never called possibly acknowledged', async () => {
			gateway.setFaultPlan(() => ({ kind: 'rate_limit' }));
			const run = await runAck(gateway, pending(3), { onError: 'continueRegularOutput', parameters: { options: { ...quick, retries: 2 } } });
			expect(profile.ledger(gateway)).toEqual([]);
			expect(run.failed.map((item) => wdtAck(item, profile))).toEqual(
				Array.from({ length: 3 }, () => expect.objectContaining({ reason: 'request_failed', code: '1012' })),
			);
			for (const item of run.failed) expect(wdtAck(item, profile).possiblyDone).toBeUndefined();
		});
	});

	describe('On Error = Stop', () => {
		/** Two batches' worth, within the operation's limit (refunds: 10 a call). */
		const size = Math.min(50, profile.maxBatch);
		test('a batch refused with 1012 on every attempt: the counts add up to the ledger', async () => {
			gateway.setFaultPlan(({ number }) => (number >= 2 ? { kind: 'rate_limit' } : undefined));
			const run = await runAck(gateway, pending(size + (size * 3) / 5), { parameters: { options: { ...quick, retries: 1, batchSize: size } } });
			const error = nodeErrorText(run);
			expect(countIn(error?.description, descriptionCounts(profile.words).done)).toBe(taken());
			expect(countIn(error?.description, descriptionCounts(profile.words).notDone)).toBe((size * 3) / 5);
		});

		// Once a gap (fixed): the last batch was processed (ledger 100) but the error said 50
		// acknowledged and counted the other 50 as "Not acknowledged ... a later run picks them up
		// again", which it will not: they left the pending pool.
		test('the gateway processed the failed batch: the error counts its records as possibly acknowledged', async () => {
			gateway.setFaultPlan(({ number }) => (number === 2 ? { kind: 'reset', when: 'after' } : undefined));
			const run = await runAck(gateway, pending(2 * size), { parameters: { options: { ...quick, retries: 0, batchSize: size } } });
			expect(taken()).toBe(2 * size);
			const error = nodeErrorText(run);
			expect(countIn(error?.description, descriptionCounts(profile.words).done)).toBe(size);
			expect(countIn(error?.description, descriptionCounts(profile.words).possiblyDone)).toBe(size);
		});

		// Once a bug (fixed): n8n's NodeApiError replaces any message that contains ECONNRESET,
		// ECONNABORTED, ETIMEDOUT, ECONNREFUSED... with its own generic text, so the node's
		// "Wangdiantong did not acknowledge batch N of M: ..." was lost; for a timeout n8n even advises
		// "consider setting the 'Retry on Fail' option", which the node's guidance forbids.
		test.each<[string, Fault, string]>([
			['a connection reset', { kind: 'reset', when: 'before' }, 'The connection to the gateway failed (ECONNRESET)'],
			['a timeout', { kind: 'delay', ms: TIMEOUT_MS * 3, when: 'before' }, 'The gateway did not answer within the request timeout'],
		])('%s on every attempt: the error message names the batch and the failure', async (_name, fault, failure) => {
			gateway.setFaultPlan(() => fault);
			const run = await runAck(gateway, pending(2), { parameters: { options: { ...quick, retries: 1, ...held([fault]) } } });
			expect(run.result.status).toBe('error');
			expect(nodeErrorText(run)?.message.startsWith(`Wangdiantong did not ${profile.words.verb} the batch: ${failure}`)).toBe(true);
		});

		test('the description says what was and was not acknowledged even for a reset', async () => {
			gateway.setFaultPlan(() => ({ kind: 'reset', when: 'before' }));
			const run = await runAck(gateway, pending(2), { parameters: { options: { ...quick, retries: 1 } } });
			// One batch: no "Acknowledged" line (nothing came before it), no "batch 1 of 1".
			const { notDone, possiblyDone } = profile.words;
			expect(nodeErrorText(run)?.description).toMatch(new RegExp(`^${notDone}: 0 [^\\n]*\\.\\n${possiblyDone}: 2 [^\\n]*\\.\\n\\nThe failed batch held items 0–1; it was tried 2 times\\.`));
			expect(nodeErrorText(run)?.message).toMatch(new RegExp(`^Wangdiantong did not ${profile.words.verb} the batch: `));
		});
	});
});
