/**
 * Issue 6, "nothing lost": seeded random fault schedules over the mock gateway, through n8n's real
 * engine, for every operation on the batched engine (test/workflow/operations.ts). Whatever the
 * network does, every item leaves on exactly one output, the outputs agree with the gateway's own
 * ledger, every Failed item says why, the node never hangs, never retries a batch more than it
 * may, and never leaks the secret or a sign.
 *
 * The first operation runs the full set of schedules; each other one a third of them, enough for
 * every kind of fault, a lost last answer and a Stop (checked at the end, per operation).
 * Replay one schedule with `SEED=<n> npx jest test/reliability/faultSchedule`.
 */
import type { INode } from 'n8n-workflow';

import { MockGateway, type RequestRecord } from '../mock/gateway';
import { BATCHED, NOT_YET_RELIABLE, RELIABLE, type ReliabilityProfile } from '../workflow/operations';
import { analyse } from './oracle';
import { mulberry32, seeds } from './prng';
import { buildInputs, drawSettings, faultPlan, hangBoundMs, nodeOptions, TIMEOUT_MS, type RunSettings } from './schedule';
import { secretLeaks, signsSeen } from './secretScan';
import {
	descriptionCounts,
	countIn,
	failedReasonProblems,
	ledgeredIds,
	nodeErrorText,
	nodeView,
	pairedIndex,
	partitionProblems,
	runAck,
	wdtAck,
	type AckRun,
} from './support';
import { outputProblems, stopProblems } from './verdict';

jest.setTimeout(60_000);

/** What a schedule run left behind, for the checks across all runs at the end. */
interface Observed {
	settings: RunSettings;
	run: AckRun;
	/** Records the gateway took. */
	ledgerSize: number;
	/** Ledgered by the gateway, yet reported Failed: its answers were all lost. */
	ledgeredButFailed: string[];
	faultKinds: string[];
	/** Attempts that timed out for the node only because its event loop stalled (see oracle.ts). */
	stalled: number;
	/** Attempts the node made. */
	attempts: number;
	/** Acked before the run, yet reported acknowledged by a lost attempt of this run (see oracle.ts). */
	doneButAcknowledged: number;
	/** The run's records, by input item. */
	recIds: string[];
}

let gateway: MockGateway | undefined;

afterEach(async () => {
	await gateway?.close();
	gateway = undefined;
});

function assertNone(settings: RunSettings, problems: string[]): void {
	if (problems.length === 0) return;
	const head = `seed ${settings.seed} (replay: SEED=${settings.seed}) ${JSON.stringify(settings)}`;
	throw new Error(`${head}\n${problems.length} problem(s):\n${problems.slice(0, 25).join('\n')}`);
}

/** Blocks the event loop past the client's timeout once, right after the gateway sent its first 1012. */
function stallAfterFirst1012(): (record: RequestRecord) => void {
	let stalled = false;
	return (record) => {
		if (stalled || record.fault?.kind !== 'rate_limit') return;
		stalled = true;
		const until = performance.now() + TIMEOUT_MS + 100;
		while (performance.now() < until) {
			// busy: no timer, no socket is served meanwhile
		}
	};
}

interface RunOptions {
	failEverything?: boolean;
	/** Answer the first request 1012, then block the event loop past the client's timeout. */
	stall?: boolean;
}

async function scheduleRun(profile: ReliabilityProfile, observed: Observed[], seed: number, onError: NonNullable<INode['onError']>, options: RunOptions = {}) {
	const rng = mulberry32(seed);
	const settings = drawSettings(seed, rng, onError, profile.maxBatch);
	const live = await MockGateway.start({ ...settings.shape, ...(options.stall ? { onRequest: stallAfterFirst1012() } : {}) });
	gateway = live;
	const { inputs, items } = buildInputs(profile, live, settings, rng);
	live.setFaultPlan(faultPlan(mulberry32(seed ^ 0x9e3779b9), settings.faultRate, options.failEverything));
	if (options.stall) live.injectFault({ kind: 'rate_limit' }); // the first request: a 1012, then the stall
	const run = await runAck(profile, live, items, { onError, parameters: { options: nodeOptions(settings) } });
	const analysis = analyse(profile, live.requests, profile.ledger(live), inputs, settings, nodeView(profile, run, settings.batchSize));
	const batches = Math.ceil(inputs.length / settings.batchSize);

	const problems = [...analysis.problems, ...secretLeaks(run, ['mock-secret', ...signsSeen(live)])];
	const bound = hangBoundMs(settings, batches);
	if (run.wallMs > bound) problems.push(`took ${run.wallMs} ms, over the hang bound of ${bound} ms`);
	if (run.result.status === 'success') {
		problems.push(...partitionProblems(run, items.length), ...failedReasonProblems(run, profile), ...outputProblems(profile, run, inputs, items, analysis));
		if (analysis.batches.length !== batches) problems.push(`${analysis.batches.length} batches sent of ${batches}`);
	} else if (onError === 'stopWorkflow' && run.result.status === 'error') {
		problems.push(...stopProblems(profile, run, inputs, analysis, settings.batchSize));
	} else {
		problems.push(`run ended ${run.result.status}: ${nodeErrorText(run)?.message ?? ''}`);
	}
	assertNone(settings, problems);

	const ledgeredButFailed = [...analysis.expected].filter(([, outcome]) => outcome.kind === 'request_failed' && outcome.ledgered).map(([recId]) => recId);
	const faultKinds = live.requests.flatMap((request) => (request.fault ? [`${request.fault.kind}${'when' in request.fault ? `:${request.fault.when}` : ''}`] : []));
	const doneButAcknowledged = run.acknowledged.filter((item) => inputs[pairedIndex(item)].origin === 'done').length;
	observed.push({
		settings,
		run,
		ledgerSize: ledgeredIds(profile, live).size,
		ledgeredButFailed,
		faultKinds,
		stalled: analysis.stalled,
		attempts: analysis.batches.reduce((sum, batch) => sum + batch.attempts.length, 0),
		doneButAcknowledged,
		recIds: inputs.map((input) => input.recId),
	});
	return { settings, run, analysis, batches };
}

test('every operation on the engine runs the reliability suites, but those listed as not yet', () => {
	const reliable = new Set(RELIABLE.map((profile) => profile.name));
	expect(BATCHED.filter((profile) => !reliable.has(profile.name)).map((profile) => profile.name)).toEqual(NOT_YET_RELIABLE);
});

describe.each(RELIABLE)('$name', (profile) => {
	const observed: Observed[] = [];
	// Distinct schedules per operation; the first runs them all, each other a third.
	const index = RELIABLE.indexOf(profile);
	const count = (full: number) => (index === 0 ? full : Math.ceil(full / 3));
	const CONTINUE_SEEDS = seeds(count(36), 0x5eed0001 + index * 0x10000);
	const STOP_SEEDS = seeds(count(12), 0x5eed0002 + index * 0x10000);
	const FAIL_ALL_SEEDS = seeds(count(4), 0x5eed0003 + index * 0x10000);

	describe('seeded fault schedules, On Error = Continue (regular output)', () => {
		test.each(CONTINUE_SEEDS)('seed %i', async (seed) => {
			await scheduleRun(profile, observed, seed, 'continueRegularOutput');
		});
	});

	describe('seeded fault schedules, On Error = Stop', () => {
		test.each(STOP_SEEDS)('seed %i', async (seed) => {
			await scheduleRun(profile, observed, seed, 'stopWorkflow');
		});
	});

	/**
	 * 1012s come in bursts of at most 5 here, well within their own allowance: each batch gives up
	 * on its retries + 1-th transient failure, with its 1012 attempts on top — each attempt as the
	 * node saw it: a 1012 it read only after its timeout was a timeout to it, and so was a request
	 * that timed out before reaching the gateway (see oracle.ts). Every request the gateway got is
	 * one of these attempts (the oracle pairs them).
	 */
	async function failEverything(seed: number, stall = false) {
		const { settings, run, analysis, batches } = await scheduleRun(profile, observed, seed, 'continueRegularOutput', { failEverything: true, stall });
		const problems: string[] = [];
		if (run.acknowledged.length !== 0) problems.push(`${run.acknowledged.length} reported Acknowledged`);
		const nonRequestFailed = run.failed.filter((item) => wdtAck(item, profile).reason !== 'request_failed');
		if (nonRequestFailed.length > 0) problems.push(`${nonRequestFailed.length} Failed items are not request_failed`);
		// A batch can also end on a 1012 once its own allowance is spent (with Retries 0, its first
		// 1012): the oracle checks that allowance; here the others must end on their transient faults.
		const endsLimited = (batch: (typeof analysis.batches)[number]) => batch.attempts[batch.attempts.length - 1].limited;
		const transient = (batch: (typeof analysis.batches)[number]) => batch.attempts.filter((attempt) => !attempt.limited).length;
		if (analysis.batches.length !== batches) problems.push(`${analysis.batches.length} batches tried of ${batches}`);
		if (analysis.batches.some((batch) => !endsLimited(batch) && transient(batch) !== settings.retries + 1)) problems.push('a batch got a different number of attempts');
		assertNone(settings, problems);
		return analysis;
	}

	describe('a gateway that fails every request', () => {
		test.each(FAIL_ALL_SEEDS)('seed %i: retries + 1 attempts per batch on transient faults (1012s apart), every record on Failed', async (seed) => {
			await failEverything(seed);
		});

		(process.env.SEED === undefined ? test : test.skip)('a 1012 the node read only after its timeout, its event loop stalled: counted as the timeout it saw', async () => {
			const analysis = await failEverything(FAIL_ALL_SEEDS[0], true);
			expect(analysis.stalled).toBeGreaterThanOrEqual(1);
		});
	});

	describe('across all schedules', () => {
		test('every kind of fault was exercised, and answers were lost on a last attempt', () => {
			if (process.env.SEED !== undefined) return;
			const kinds = new Set(observed.flatMap((entry) => entry.faultKinds));
			expect([...kinds].sort()).toEqual(
				['delay:after', 'delay:before', 'http', 'latency', 'non_json:after', 'non_json:before', 'rate_limit', 'reset:after', 'reset:before'].sort(),
			);
			expect(observed.some((entry) => entry.ledgeredButFailed.length > 0)).toBe(true);
			expect(observed.some((entry) => entry.run.result.status === 'error')).toBe(true);
			const reported = observed.reduce((sum, entry) => sum + entry.run.failed.length + entry.run.acknowledged.length, 0);
			expect(reported).toBeGreaterThan(100 * observed.length);
			// Stalled attempts are taken as the timeouts the node saw (see oracle.ts); they must stay
			// accidents of a busy machine (about 2% with both cores saturated by other processes).
			const sum = (pick: (entry: Observed) => number) => observed.reduce((total, entry) => total + pick(entry), 0);
			expect(sum((entry) => entry.stalled)).toBeLessThan(sum((entry) => entry.attempts) / 20);
			if (process.env.RELIABILITY_STATS) {
				console.log(
					`${profile.name}: ${observed.length} runs, ${reported} items, ${sum((e) => e.attempts)} attempts, ${sum((e) => e.faultKinds.length)} faults, ` +
						`${sum((e) => e.ledgeredButFailed.length)} ledgered-but-Failed, ${sum((e) => e.doneButAcknowledged)} done-but-Acknowledged, ${sum((e) => e.stalled)} stalled; ` +
						[...kinds].map((kind) => `${kind} ${observed.flatMap((e) => e.faultKinds).filter((k) => k === kind).length}`).join(', '),
				);
			}
		});

		// Issue 6: the node cannot tell, but must say, that a batch whose every answer was lost after
		// the gateway may have processed it (reset / garbled answer / timeout on the last attempt) may
		// be acknowledged; the gateway did ledger its records. (Skipped when replaying one seed, which
		// may have no lost answer at all.)
		(process.env.SEED === undefined ? test : test.skip)('records the gateway ledgered but whose answers were lost are flagged as possibly acknowledged', () => {
			const problems: string[] = [];
			for (const { settings, run, ledgerSize, ledgeredButFailed, recIds } of observed) {
				const lost = new Set(ledgeredButFailed);
				for (const item of run.failed) {
					const recId = recIds[pairedIndex(item)];
					if (lost.has(recId) && wdtAck(item, profile).possiblyDone !== true) {
						problems.push(`seed ${settings.seed}: ${recId} was ledgered, reported Failed without ${profile.words.possiblyDoneFlag}`);
					}
				}
				const error = nodeErrorText(run);
				if (error !== undefined) {
					const acknowledged = countIn(error.description, descriptionCounts(profile.words).done) ?? 0;
					const possibly = countIn(error.description, descriptionCounts(profile.words).possiblyDone) ?? 0;
					if (acknowledged + possibly < ledgerSize) {
						problems.push(`seed ${settings.seed}: Stop error says ${acknowledged} acknowledged (+${possibly} possibly), the gateway ledgered ${ledgerSize}`);
					}
				}
			}
			expect(problems).toEqual([]);
		});
	});
});
