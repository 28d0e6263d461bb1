/**
 * `npm run bench [-- --quick]`: the Acknowledge operation through n8n's real engine against the
 * mock gateway (in its own process, with injected latency), side by side in one run with a
 * pass-through node, n8n's HTTP helper alone, a bare undici client, and Trade → Push with a
 * pass-through of its orders; then Acknowledge under the ERP's rate limit, and the logistics and
 * stock sync loops and Trade Push side by side at that limit, each beside its ceiling. The
 * do-it-yourself workflows (n8n's Code + HTTP Request nodes) run in `npm run bench:n8n` only,
 * with n8n's real nodes. Each scenario runs in a fresh process after a warm-up.
 * Prints markdown; BENCHMARKS.md explains the columns and records results.
 */
import os from 'node:os';

import { RATE_LIMIT_WAIT_SECONDS_DEFAULT } from '../nodes/Wangdiantong/core/limits';
import { GatewayProcess } from './gateway';
import { endScenarioProcess, forkScenarioProcess, runScenario, type ScenarioResult } from './scenarios';
import { fmt, floorRatio } from './format';
import { floorMs, pushOf, SCENARIOS, worthRunning, type ScenarioSpec } from './spec';
import { CALLS_PER_ROUND, LOOP_RECORDS_PER_CALL, RECORDS_PER_ROUND } from './loops';
import { PUSH_UNDER_LIMIT_RECORDS, PUSHES } from './pushes';
import { ceilingPerMinute, readTimeline } from './rateLimit';

const quick = process.argv.includes('--quick');
const counts = quick ? [2000] : [1000, 10000, 50000];
const latencies = [0, 30];
const SPECS: ScenarioSpec[] = [
	SCENARIOS.passThrough,
	SCENARIOS.node,
	SCENARIOS.nodeConcurrency2,
	SCENARIOS.helperOnly,
	SCENARIOS.bare,
	SCENARIOS.passThroughOrders,
	SCENARIOS.tradePush,
];

/** The rows whose memory the memory table shows: each pass-through, and each operation at its defaults. */
const inMemoryTable = (spec: ScenarioSpec): boolean =>
	spec.kind === 'passThrough' || ((spec.kind === 'node' || spec.kind === 'push') && !spec.options);

const memoryRows: string[] = [];

/** Heap held per 1,000 records while n8n holds the run, and what is left after it lets go. */
function memoryRow(r: ScenarioResult): string {
	return `| ${r.scenario} | ${r.records} | ${r.latencyMs} | ${fmt(r.heapHeldMb, 1)} | ${fmt((r.heapHeldMb / r.records) * 1000, 2)} | ${fmt(r.heapLeftMb, 1)} | ${fmt(r.peakRssMb)} |`;
}

function row(r: ScenarioResult, baseline: ScenarioResult): string {
	const floor = floorMs(r.records, r.latencyMs);
	const ratio = floorRatio(r.nodeMs, floor, r.requests);
	const perK = (cpu: number) => fmt((cpu / r.records) * 1000, 1);
	const extraCpu = r === baseline ? '–' : perK(r.cpuMs - baseline.cpuMs);
	const growth = r.peakRssMb - r.startRssMb;
	return `| ${r.scenario} | ${r.records} | ${r.latencyMs} | ${r.requests} | ${r.acknowledged} | ${fmt(r.records / (r.nodeMs / 1000))} | ${fmt(r.nodeMs)} | ${floor} | ${ratio} | ${perK(r.cpuMs)} | ${extraCpu} | ${fmt(r.peakRssMb)} | ${fmt(growth)} |`;
}

async function main(): Promise<void> {
	const gateway = GatewayProcess.spawn();
	// --quick runs every scenario in one process (warmed up before each); the full run forks one per scenario.
	const shared = quick ? forkScenarioProcess() : undefined;
	const n8nCore = (await import('n8n-core/package.json')).version;
	console.log(`# n8n-nodes-wangdiantong benchmark${quick ? ' (--quick)' : ''}\n`);
	console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, n8n-core ${n8nCore}, node from ${process.env.BENCH_FROM === 'source' ? 'source' : 'dist'}\n`);
	console.log('| scenario | records | latency ms | requests | done | records/s | node ms | floor ms | node/floor | CPU ms/1k | CPU ms/1k over pass-through | peak RSS MB | RSS growth MB |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	try {
		for (const latencyMs of latencies) {
			await gateway.start({ latencyMs });
			for (const count of counts) {
				// Each row's baseline: the pass-through of the same items (logistics records, or a push's).
				const baselines = new Map<string | undefined, ScenarioResult>();
				for (const spec of SPECS) {
					if (!worthRunning(spec, count, latencyMs)) continue;
					const result = await runScenario(gateway, spec, count, latencyMs, shared);
					if (spec.kind === 'passThrough') baselines.set(spec.push, result);
					console.log(row(result, baselines.get(pushOf(spec)) ?? result));
					if (inMemoryTable(spec)) memoryRows.push(memoryRow(result));
				}
			}
		}
		console.log('\n## Memory: heap after a full GC, while n8n holds the run data and after it lets go\n');
		console.log('| scenario | records | latency ms | heap held MB | held per 1k records MB | heap left after release MB | peak RSS MB |');
		console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
		memoryRows.forEach((line) => console.log(line));
		await rateLimited(gateway, shared);
		await underTheLimit(gateway, shared);
	} finally {
		if (shared) await endScenarioProcess(shared);
		await gateway.close();
	}
}

/**
 * Under the ERP's rate limit (about 60 calls a minute per appkey). The node runs with the Rate
 * Limit Wait a user gets by default (core/limits.ts), so the row measures what users run.
 * `--quick` compresses the minute to 4 s and 12 calls, and scales that wait the same way.
 */
async function rateLimited(gateway: GatewayProcess, shared: ReturnType<typeof forkScenarioProcess> | undefined): Promise<void> {
	const windowMs = quick ? 4000 : 60000;
	const maxCalls = quick ? 12 : 60;
	const count = quick ? 1000 : 5000;
	const latencyMs = 30;
	await gateway.start({ latencyMs, rateLimit: { maxCalls, windowMs } });
	console.log(`\n## Rate limited: ${maxCalls} calls per ${windowMs / 1000} s per appkey, ${latencyMs} ms latency\n`);
	console.log('| scenario | records | requests | acknowledged | lost | node ms |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
	const rateLimitWait = (windowMs / 60_000) * RATE_LIMIT_WAIT_SECONDS_DEFAULT;
	const spec: ScenarioSpec = { ...SCENARIOS.node, options: { rateLimitWait, retries: 3 } };
	const r = await runScenario(gateway, spec, count, latencyMs, shared);
	console.log(`| ${r.scenario} | ${r.records} | ${r.requests} | ${r.acknowledged} | ${r.records - r.acknowledged} | ${fmt(r.nodeMs)} |`);
}

/**
 * The logistics and stock sync loops and Trade Push side by side under the ERP's limit as it is:
 * 60 calls per 60 s per appkey, a sliding window, and the node's default Rate Limit Wait
 * (core/limits.ts) — which the queries always use, and the acks and the push unless set. The
 * window is not compressed, as the rate-limited row's is under --quick: the 1012 meets a query
 * (the 61st call of a loop's window is the next round's), whose wait is not an option, and
 * neither that wait nor the round trip would shrink with the window, so a shorter one would
 * misstate the share of the ceiling.
 *
 * Each run is read from the gateway's timeline (rateLimit.ts): its share is the records its full
 * windows carried over their time, against the ceiling for what its calls carry. A loop drains
 * LOOP_WINDOWS windows' worth of records: every window carries its calls, and the call after the
 * last ack, the query that finds nothing, opens the last window. Trade Push sends
 * PUSH_UNDER_LIMIT_RECORDS orders in calls of 50: full windows of 60 calls, then the rest.
 * --quick runs 1,000 records each, within one window: a check that they run, no share.
 */
const LOOP_WINDOWS = 2;

async function underTheLimit(gateway: GatewayProcess, shared: ReturnType<typeof forkScenarioProcess> | undefined): Promise<void> {
	const maxCalls = 60;
	const windowMs = 60_000;
	const latencyMs = 30;
	const runs = [
		{ spec: SCENARIOS.logisticsLoop, count: LOOP_WINDOWS * (maxCalls / CALLS_PER_ROUND) * RECORDS_PER_ROUND, recordsPerCall: LOOP_RECORDS_PER_CALL },
		{ spec: SCENARIOS.stockLoop, count: LOOP_WINDOWS * (maxCalls / CALLS_PER_ROUND) * RECORDS_PER_ROUND, recordsPerCall: LOOP_RECORDS_PER_CALL },
		{ spec: SCENARIOS.tradePush, count: PUSH_UNDER_LIMIT_RECORDS, recordsPerCall: PUSHES.trade.maxBatch },
	];
	await gateway.start({ latencyMs, rateLimit: { maxCalls, windowMs } });
	console.log(`\n## Under the rate limit: the sync loops and Trade Push, ${maxCalls} calls per ${windowMs / 1000} s per appkey, ${latencyMs} ms latency\n`);
	console.log(
		`Ceiling: ${maxCalls} calls a minute; a loop's round is a query and an ack of ${RECORDS_PER_ROUND} records (${fmt(ceilingPerMinute(maxCalls, windowMs, LOOP_RECORDS_PER_CALL))} a minute), a Trade Push call ${PUSHES.trade.maxBatch} orders (${fmt(ceilingPerMinute(maxCalls, windowMs, PUSHES.trade.maxBatch))} a minute).\n`,
	);
	// Per full window: the burst (its calls, first to last), the wait after its 1012 until the next
	// window's first call, and the two together, which a run that lost nothing keeps at the window.
	console.log(
		'| run | records | done | calls admitted | refused 1012 | calls per window | first → last call s | in full windows | records/min | ceiling /min | % of ceiling | burst s | wait after burst s | s per window | node ms |',
	);
	console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const { spec, count, recordsPerCall } of runs) {
		const r = await runScenario(gateway, spec, quick ? 1000 : count, latencyMs, shared, true);
		const t = readTimeline(r.timeline ?? []);
		const ceiling = ceilingPerMinute(maxCalls, windowMs, recordsPerCall);
		const perMinute = (t.fullRecords / t.fullSpanMs) * 60_000;
		// Within one window the limit never bound: there is no share to speak of.
		const share = t.windows > 1 ? `${fmt((perMinute / ceiling) * 100, 1)} %` : '–';
		console.log(
			`| ${r.scenario} | ${r.records} | ${r.acknowledged} | ${t.admitted} | ${t.rateLimited} | ${t.callsPerWindow.join(', ')} | ${fmt(t.spanMs / 1000, 1)} | ${t.windows > 1 ? t.fullRecords : '–'} | ${fmt(perMinute)} | ${fmt(ceiling)} | ${share} | ${fmt(t.burstMs / 1000, 2)} | ${fmt(t.waitMs / 1000, 2)} | ${fmt((t.burstMs + t.waitMs) / 1000, 2)} | ${fmt(r.nodeMs)} |`,
		);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
