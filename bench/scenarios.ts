/**
 * Running one scenario: records at the gateway for a warm-up, a scenario process
 * (scenarioChild.ts) that warms up, then a fresh gateway (records, request log and rate-limit
 * window: the warm-up's calls do not count against the measured run) and the measured run, and
 * the gateway's own count of what it received. The full run forks a fresh process per scenario;
 * --quick reuses one, to finish within a minute.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import type { GatewayProcess } from './gateway';
import type { TimelineEntry } from './rateLimit';
import { pushOf, type ScenarioSpec } from './spec';

/**
 * A scenario's input, seeded at the gateway: the rec_ids of logistics records to acknowledge
 * (workflows.ts makes the items), or a push's records as items. A loop's query fetches its own.
 */
export type ScenarioInput = { ids: string[] } | { items: IDataObject[] };

async function seed(gateway: GatewayProcess, spec: ScenarioSpec, count: number): Promise<ScenarioInput> {
	const push = pushOf(spec);
	if (push !== undefined) return { items: await gateway.pushRecords(count, push) };
	return { ids: await gateway.seed(count, spec.kind === 'loop' ? spec.loop : undefined) };
}

export interface ScenarioResult {
	scenario: string;
	records: number;
	latencyMs: number;
	requests: number;
	acknowledged: number;
	wallMs: number;
	/** Time inside the measured node (n8n's executionTime), or the whole run for the bare client. */
	nodeMs: number;
	cpuMs: number;
	peakRssMb: number;
	startRssMb: number;
	/** Heap in use after the run, while n8n still holds its run data (after a full GC). */
	heapHeldMb: number;
	/** Heap in use once the run data is released (after a full GC): what outlives the execution. */
	heapLeftMb: number;
	/** A run's requests under the rate limit, as the gateway answered them (rateLimit.ts reads its windows). */
	timeline?: TimelineEntry[];
}

const WARM_UP_RECORDS = 200;

type ChildMessage =
	| { cmd: 'warm' }
	| {
			cmd: 'result';
			nodeMs: number;
			wallMs: number;
			cpuMs: number;
			peakRssMb: number;
			startRssMb: number;
			heapHeldMb: number;
			heapLeftMb: number;
	  }
	| { cmd: 'error'; message: string };

/** `BENCH_CPU_PROF=<dir>`: each scenario process writes a CPU profile there (node --cpu-prof), warm-up included. */
const cpuProfile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

export function forkScenarioProcess(): ChildProcess {
	return fork(path.join(__dirname, 'scenarioChild.ts'), [], {
		execArgv: ['--expose-gc', ...cpuProfile, '-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

/** Ends a scenario process by asking it to exit, so that a CPU profile is written; killed if it does not within 5 s. */
export async function endScenarioProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = once(child, 'exit');
	const timer = setTimeout(() => child.kill(), 5000);
	child.send({ cmd: 'exit' });
	await exited;
	clearTimeout(timer);
}

export async function runScenario(
	gateway: GatewayProcess,
	spec: ScenarioSpec,
	count: number,
	latencyMs: number,
	shared?: ChildProcess,
	/** Read the gateway's timeline of the run (runs under the rate limit). */
	withTimeline = false,
): Promise<ScenarioResult> {
	await gateway.reset();
	const warm = await seed(gateway, spec, WARM_UP_RECORDS);
	const child = shared ?? forkScenarioProcess();
	let before = { requests: 0, ledger: 0 };
	try {
		const measured = await new Promise<Extract<ChildMessage, { cmd: 'result' }>>((resolve, reject) => {
			const onExit = (code: number | null) => reject(new Error(`${spec.label}: scenario process exited (${String(code)})`));
			const onMessage = (message: ChildMessage) => {
				if (message.cmd === 'warm') {
					void (async () => {
						await gateway.reset();
						const input = await seed(gateway, spec, count);
						before = await gateway.stats();
						child.send({ cmd: 'go', input });
					})().catch(reject);
					return;
				}
				child.off('message', onMessage);
				child.off('exit', onExit);
				if (message.cmd === 'error') reject(new Error(`${spec.label}: ${message.message}`));
				else resolve(message);
			};
			child.on('message', onMessage);
			child.on('exit', onExit);
			child.send({ cmd: 'run', spec, baseUrl: gateway.baseUrl, latencyMs, warm });
		});
		const after = await gateway.stats();
		const timeline = withTimeline ? await gateway.timeline() : undefined;
		return {
			scenario: spec.label,
			records: count,
			latencyMs,
			requests: after.requests - before.requests,
			acknowledged: after.ledger - before.ledger,
			wallMs: measured.wallMs,
			nodeMs: measured.nodeMs,
			cpuMs: measured.cpuMs,
			peakRssMb: measured.peakRssMb,
			startRssMb: measured.startRssMb,
			heapHeldMb: measured.heapHeldMb,
			heapLeftMb: measured.heapLeftMb,
			timeline,
		};
	} finally {
		if (!shared) await endScenarioProcess(child);
	}
}
