/**
 * Issue 6, "nothing lost": seeded random fault schedules over the mock gateway, through n8n's real
 * engine. Whatever the network does, every item leaves on exactly one output, the outputs agree
 * with the gateway's own ledger, every Failed item says why, the node never hangs, never retries a
 * batch more than it may, and never leaks the secret or a sign.
 *
 * Replay one schedule with `SEED=<n> npx jest test/reliability/faultSchedule`.
 */
import type { INode } from 'n8n-workflow';

import { MockGateway } from '../mock/gateway';
import { analyse, type Analysis } from './oracle';
import { mulberry32, seeds } from './prng';
import { buildInputs, drawSettings, faultPlan, hangBoundMs, nodeOptions, type RunSettings } from './schedule';
import { secretLeaks, signsSeen } from './secretScan';
import {
	DESCRIPTION_COUNTS,
	ackRequests,
	countIn,
	failedReasonProblems,
	nodeErrorText,
	pairedIndex,
	partitionProblems,
	runAck,
	wdtAck,
	type AckRun,
} from './support';
import { outputVerdict, stopProblems } from './verdict';

jest.setTimeout(60_000);

/** What a schedule run left behind, for the checks across all runs at the end. */
interface Observed {
	settings: RunSettings;
	run: AckRun;
	ledgerSize: number;
	/** Ledgered by the gateway, yet reported Failed: its answers were all lost. */
	ledgeredButFailed: string[];
	faultKinds: string[];
	/** Answers the gateway delivered after the client had timed out (a stalled event loop). */
	lateAnswers: number;
	requests: number;
	/** Acked before the run, yet reported acknowledged by a lost attempt of this run (see oracle.ts). */
	doneButAcknowledged: number;
}

const observed: Observed[] = [];
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

async function scheduleRun(seed: number, onError: NonNullable<INode['onError']>, failEverything = false) {
	const rng = mulberry32(seed);
	const settings = drawSettings(seed, rng, onError);
	const live = await MockGateway.start(settings.shape);
	gateway = live;
	const { inputs, items } = buildInputs(live, settings, rng);
	live.setFaultPlan(faultPlan(mulberry32(seed ^ 0x9e3779b9), settings.faultRate, failEverything));
	const run = await runAck(live, items, { onError, parameters: { options: nodeOptions(settings) } });
	const analysis: Analysis = analyse(live.requests, live.ledger, inputs, settings);
	const batches = Math.ceil(inputs.length / settings.batchSize);

	const problems = [...analysis.problems, ...secretLeaks(run, ['mock-secret', ...signsSeen(live)])];
	let lateAnswers: string[] = [];
	const bound = hangBoundMs(settings, batches);
	if (run.wallMs > bound) problems.push(`took ${run.wallMs} ms, over the hang bound of ${bound} ms`);
	if (run.result.status === 'success') {
		problems.push(...partitionProblems(run, items.length), ...failedReasonProblems(run));
		const verdict = outputVerdict(run, inputs, items, analysis);
		problems.push(...verdict.problems);
		lateAnswers = verdict.lateAnswers;
		if (analysis.batches.length !== batches) problems.push(`${analysis.batches.length} batches sent of ${batches}`);
	} else if (onError === 'stopWorkflow' && run.result.status === 'error') {
		problems.push(...stopProblems(run, inputs, analysis, settings.batchSize));
	} else {
		problems.push(`run ended ${run.result.status}: ${nodeErrorText(run)?.message ?? ''}`);
	}
	assertNone(settings, problems);

	const ledgered = new Set(live.ledger.map((entry) => entry.recId));
	const ledgeredButFailed = [
		...[...analysis.expected].filter(([, outcome]) => outcome.kind === 'request_failed' && outcome.ledgered).map(([recId]) => recId),
		...lateAnswers.filter((recId) => ledgered.has(recId)),
	];
	const faultKinds = live.requests.flatMap((request) => (request.fault ? [`${request.fault.kind}${'when' in request.fault ? `:${request.fault.when}` : ''}`] : []));
	const doneButAcknowledged = run.acknowledged.filter((item) => inputs[pairedIndex(item)].origin === 'done').length;
	observed.push({
		settings,
		run,
		ledgerSize: live.ledger.length,
		ledgeredButFailed,
		faultKinds,
		lateAnswers: lateAnswers.length,
		requests: ackRequests(live).length,
		doneButAcknowledged,
	});
	return { settings, run, analysis, live, batches, inputs };
}

const CONTINUE_SEEDS = seeds(36, 0x5eed0001);
const STOP_SEEDS = seeds(12, 0x5eed0002);
const FAIL_ALL_SEEDS = seeds(4, 0x5eed0003);

describe('seeded fault schedules, On Error = Continue (regular output)', () => {
	test.each(CONTINUE_SEEDS)('seed %i', async (seed) => {
		await scheduleRun(seed, 'continueRegularOutput');
	});
});

describe('seeded fault schedules, On Error = Stop', () => {
	test.each(STOP_SEEDS)('seed %i', async (seed) => {
		await scheduleRun(seed, 'stopWorkflow');
	});
});

describe('a gateway that fails every request', () => {
	// 1012s come in bursts of at most 5 here, well within their own allowance: each batch gives up
	// on its retries + 1-th transient failure, with its 1012 attempts on top.
	test.each(FAIL_ALL_SEEDS)('seed %i: retries + 1 attempts per batch on transient faults (1012s apart), every record on Failed', async (seed) => {
		const { settings, run, analysis, live, batches } = await scheduleRun(seed, 'continueRegularOutput', true);
		const problems: string[] = [];
		if (run.acknowledged.length !== 0) problems.push(`${run.acknowledged.length} reported Acknowledged`);
		const nonRequestFailed = run.failed.filter((item) => wdtAck(item).reason !== 'request_failed');
		if (nonRequestFailed.length > 0) problems.push(`${nonRequestFailed.length} Failed items are not request_failed`);
		const requests = ackRequests(live).length;
		const limited = analysis.batches.reduce((sum, batch) => sum + batch.attempts.filter((attempt) => attempt.limited).length, 0);
		if (requests !== batches * (settings.retries + 1) + limited) {
			problems.push(`${requests} requests for ${batches} batches × ${settings.retries + 1} attempts + ${limited} rate-limited`);
		}
		const transient = (batch: (typeof analysis.batches)[number]) => batch.attempts.filter((attempt) => !attempt.limited).length;
		if (analysis.batches.some((batch) => transient(batch) !== settings.retries + 1)) problems.push('a batch got a different number of attempts');
		assertNone(settings, problems);
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
		expect(reported).toBeGreaterThan(5000);
		// Late answers are tolerated as timeouts (see oracle.ts); they must stay rare accidents.
		const late = observed.reduce((sum, entry) => sum + entry.lateAnswers, 0);
		expect(late).toBeLessThan(reported / 50);
		if (process.env.RELIABILITY_STATS) {
			const sum = (pick: (entry: Observed) => number) => observed.reduce((total, entry) => total + pick(entry), 0);
			console.log(
				`${observed.length} runs, ${reported} items, ${sum((e) => e.requests)} requests, ${sum((e) => e.faultKinds.length)} faults, ` +
					`${sum((e) => e.ledgeredButFailed.length)} ledgered-but-Failed, ${sum((e) => e.doneButAcknowledged)} done-but-Acknowledged, ${late} late answers`,
			);
		}
	});

	// PRODUCT GAP (issue 6, reported): when every answer to a batch was lost after the gateway may
	// have processed it (reset / garbled answer / timeout on the last attempt), the node reports its
	// records Failed exactly like records that certainly never arrived, and the Stop error counts
	// them under "Not acknowledged". The gateway did ledger them. Remove `.failing` once Failed items
	// carry `wdtAck.possiblyAcknowledged: true` and the Stop error counts them apart.
	// (Skipped when replaying one seed, which may have no lost answer at all.)
	(process.env.SEED === undefined ? test : test.skip)('records the gateway ledgered but whose answers were lost are flagged as possibly acknowledged', () => {
		const problems: string[] = [];
		for (const { settings, run, ledgerSize, ledgeredButFailed } of observed) {
			const lost = new Set(ledgeredButFailed);
			for (const item of run.failed) {
				const ack = wdtAck(item);
				if (ack.recId !== undefined && lost.has(ack.recId) && ack.possiblyAcknowledged !== true) {
					problems.push(`seed ${settings.seed}: ${ack.recId} was ledgered, reported Failed without possiblyAcknowledged`);
				}
			}
			const error = nodeErrorText(run);
			if (error !== undefined) {
				const acknowledged = countIn(error.description, DESCRIPTION_COUNTS.acknowledged) ?? 0;
				const possibly = countIn(error.description, DESCRIPTION_COUNTS.possiblyAcknowledged) ?? 0;
				if (acknowledged + possibly < ledgerSize) {
					problems.push(`seed ${settings.seed}: Stop error says ${acknowledged} acknowledged (+${possibly} possibly), the gateway ledgered ${ledgerSize}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
