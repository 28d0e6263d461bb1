/**
 * One benchmark scenario in a process of its own (forked by scenarios.ts): a short warm-up run,
 * then the measured run. Its CPU and peak memory are its own; the gateway runs elsewhere.
 */
import type { INodeType } from 'n8n-workflow';

import { logisticsAck } from '../nodes/Wangdiantong/actions/logisticsSync/acknowledge/logisticsAck';
import { runInBatches } from '../nodes/Wangdiantong/core/batched/run';
import { validateAckRecord } from '../nodes/Wangdiantong/actions/logisticsSync/acknowledge/record';
import { retryingCall } from '../nodes/Wangdiantong/core/call';
import { DEFAULT_RETRY_POLICY } from '../nodes/Wangdiantong/core/retry';
import { createRegistry, runWorkflow } from '../test/harness';
import { DEFAULT_ACCOUNT } from '../test/mock/gateway';
import { createUndiciTransport } from '../test/support/undiciTransport';
import { HelperOnly } from './helperOnly';
import { measure } from './measure';
import type { ScenarioInput } from './scenarios';
import type { ScenarioSpec } from './spec';
import { benchWorkflow, items, measuredNodes } from './workflows';

const registry = createRegistry({ from: process.env.BENCH_FROM === 'source' ? 'source' : 'dist' }).addNodeType(
	'bench.helperOnly',
	new HelperOnly() as INodeType,
);

async function runBare(ids: readonly string[], baseUrl: string): Promise<number> {
	const transport = createUndiciTransport({ baseUrl, credentials: DEFAULT_ACCOUNT });
	try {
		const records = items(ids).map((item) => {
			const checked = validateAckRecord(item.rec_id, item.status, item.message);
			if (!checked.ok) throw new Error(checked.error);
			return checked.record;
		});
		const sleep = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));
		const start = performance.now();
		await runInBatches({
			operation: logisticsAck,
			records,
			batchSize: 50,
			concurrency: 1,
			pauseBetweenBatchesMs: 0,
			stopOnBatchFailure: false,
			call: retryingCall(transport.send, { retry: DEFAULT_RETRY_POLICY, sleep, random: Math.random, isCancelled: () => false }),
			sleep,
			isCancelled: () => false,
		});
		return performance.now() - start;
	} finally {
		await transport.close();
	}
}

/**
 * Time inside the measured node (n8n's own executionTime), or the whole run for the bare client;
 * and what the run leaves for n8n to hold (its run data), to measure memory while it is alive.
 */
async function runOnce(spec: ScenarioSpec, input: ScenarioInput, baseUrl: string, latencyMs: number): Promise<{ nodeMs: number; held: unknown }> {
	if (spec.kind === 'bare') {
		if (!('ids' in input)) throw new Error('the bare client acknowledges logistics records');
		return { nodeMs: await runBare(input.ids, baseUrl), held: undefined };
	}
	const credentials = { wangdiantongApi: { environment: 'custom', baseUrl, ...DEFAULT_ACCOUNT } };
	// The items are made within the measured run either way, so that their memory and making
	// count alike for every scenario (and the pass-through's baseline takes them off again).
	const pinned = 'items' in input ? structuredClone(input.items) : items(input.ids);
	const result = await runWorkflow({ workflow: benchWorkflow(spec, pinned, baseUrl, latencyMs), registry, credentials });
	if (result.status !== 'success') throw new Error(`${spec.label}: ${result.status} ${result.error?.message ?? ''}`);
	const { runData } = result.run.data.resultData;
	// Every run of each node: a loop runs its nodes once a round.
	const timeIn = (name: string) => runData[name]?.reduce((sum, run) => sum + run.executionTime, 0) ?? NaN;
	const nodeMs = measuredNodes(spec).reduce((sum, name) => sum + timeIn(name), 0);
	return { nodeMs, held: result.run };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

type Message =
	| { cmd: 'run'; spec: ScenarioSpec; baseUrl: string; latencyMs: number; warm: ScenarioInput }
	/** The measured run's records, seeded after the warm-up (none for a loop: its query fetches them). */
	| { cmd: 'go'; input: ScenarioInput }
	/** Done: exit normally (a CPU profile is written on exit). */
	| { cmd: 'exit' };

let pending: { spec: ScenarioSpec; baseUrl: string; latencyMs: number } | undefined;

// The process may serve several scenarios in a row (--quick); each one warms up first.
process.on('message', (message: Message) => {
	void (async () => {
		try {
			if (message.cmd === 'exit') process.exit(0);
			if (message.cmd === 'run') {
				await runOnce(message.spec, message.warm, message.baseUrl, message.latencyMs); // JIT and module warm-up
				gc();
				pending = message;
				process.send?.({ cmd: 'warm' });
				return;
			}
			if (!pending) throw new Error('go before run');
			const { spec, baseUrl, latencyMs } = pending;
			const { input } = message;
			pending = undefined;
			gc();
			const heapBefore = heapMb();
			const measured = await measure(async () => await runOnce(spec, input, baseUrl, latencyMs));
			// Heap still in use while n8n holds the run's data, then once it lets go: the second
			// shows whether anything outlives the execution (a leak), the first how much it holds.
			gc();
			const heapHeldMb = heapMb() - heapBefore;
			measured.result.held = undefined;
			gc();
			const heapLeftMb = heapMb() - heapBefore;
			process.send?.({
				cmd: 'result',
				nodeMs: measured.result.nodeMs,
				wallMs: measured.wallMs,
				cpuMs: measured.cpuMs,
				peakRssMb: measured.peakRssMb,
				startRssMb: measured.startRssMb,
				heapHeldMb,
				heapLeftMb,
			});
		} catch (error) {
			process.send?.({ cmd: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) });
		}
	})();
});
