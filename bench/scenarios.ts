/**
 * Running one scenario: records at the gateway for a warm-up, a scenario process
 * (scenarioChild.ts) that warms up, then a fresh gateway (records, request log and rate-limit
 * window: the warm-up's calls do not count against the measured run) and the measured run, and
 * the gateway's own count of what it received. The full run forks a fresh process per scenario;
 * --quick reuses one, to finish within a minute.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { GatewayProcess } from './gateway';
import type { TimelineEntry } from './loops';
import type { ScenarioSpec } from './spec';

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
	/** A loop's requests as the gateway answered them (loops.ts reads its windows from it). */
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

export function forkScenarioProcess(): ChildProcess {
	return fork(path.join(__dirname, 'scenarioChild.ts'), [], {
		execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

export async function runScenario(
	gateway: GatewayProcess,
	spec: ScenarioSpec,
	count: number,
	latencyMs: number,
	shared?: ChildProcess,
): Promise<ScenarioResult> {
	const loop = spec.kind === 'loop' ? spec.loop : undefined;
	await gateway.reset();
	const warmIds = await gateway.seed(WARM_UP_RECORDS, loop);
	const child = shared ?? forkScenarioProcess();
	let before = { requests: 0, ledger: 0 };
	try {
		const measured = await new Promise<Extract<ChildMessage, { cmd: 'result' }>>((resolve, reject) => {
			const onExit = (code: number | null) => reject(new Error(`${spec.label}: scenario process exited (${String(code)})`));
			const onMessage = (message: ChildMessage) => {
				if (message.cmd === 'warm') {
					void (async () => {
						await gateway.reset();
						const ids = await gateway.seed(count, loop);
						before = await gateway.stats();
						child.send({ cmd: 'go', ids });
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
			child.send({ cmd: 'run', spec, baseUrl: gateway.baseUrl, latencyMs, warmIds });
		});
		const after = await gateway.stats();
		const timeline = loop === undefined ? undefined : await gateway.timeline();
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
		if (!shared) child.kill();
	}
}
