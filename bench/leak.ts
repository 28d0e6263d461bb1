/**
 * `npm run bench:leak`: does anything outlive an execution? Runs the same 10,000-record
 * acknowledgement (200 batches) again and again in one process and prints the heap after a full
 * GC each time. A per-batch leak grows the heap by the same amount every round; warm-up (JIT
 * code, inline caches) grows it by less and less and then stops. `KIND=pass` runs a No-Op in
 * the node's place and `KIND=helper` n8n's HTTP helper alone, to tell engine and helper apart.
 */
import type { INodeType } from 'n8n-workflow';

import { createRegistry, runWorkflow } from '../test/harness';
import { DEFAULT_ACCOUNT } from '../test/mock/gateway';
import { GatewayProcess } from './gateway';
import { HelperOnly } from './helperOnly';
import { helperOnlyWorkflow, items, nodeWorkflow, passThroughWorkflow } from './workflows';

const kind = process.env.KIND ?? 'node';
const rounds = Number(process.env.ROUNDS ?? 24);
const records = 10000;

async function main(): Promise<void> {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with node --expose-gc');
	const registry = createRegistry({ from: 'dist' }).addNodeType('bench.helperOnly', new HelperOnly() as INodeType);
	const gateway = GatewayProcess.spawn();
	try {
		await gateway.start({ latencyMs: 0 });
		const credentials = { wangdiantongApi: { environment: 'custom', baseUrl: gateway.baseUrl, ...DEFAULT_ACCOUNT } };
		let first = 0;
		for (let round = 1; round <= rounds; round++) {
			await gateway.reset();
			const pinned = items(await gateway.seed(records));
			const workflow =
				kind === 'pass' ? passThroughWorkflow(pinned) : kind === 'helper' ? helperOnlyWorkflow(pinned, gateway.baseUrl) : nodeWorkflow(pinned, {});
			const result = await runWorkflow({ workflow, registry, credentials });
			if (result.status !== 'success') throw new Error(`round ${round}: ${result.status}`);
			gc();
			const heap = process.memoryUsage().heapUsed / 2 ** 20;
			first ||= heap;
			console.log(`${kind} round ${String(round).padStart(2)} (${round * (records / 50)} batches): heap ${heap.toFixed(2)} MB (+${(heap - first).toFixed(2)})`);
		}
	} finally {
		await gateway.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
