/**
 * The mock gateway in its own process, so that its CPU (parsing, verifying, ledgering) is not
 * counted as the client's. Driven over IPC by gateway.ts.
 */
import { MockGateway } from '../test/mock/gateway';
import type { MockGatewayOptions } from '../test/mock/types';
import { LOOP_SHOP, LOOPS, type LoopName, type TimelineEntry } from './loops';

type Command =
	| { id: number; cmd: 'start'; options: MockGatewayOptions }
	| { id: number; cmd: 'seed'; count: number; loop?: LoopName }
	| { id: number; cmd: 'stats' }
	| { id: number; cmd: 'timeline' }
	| { id: number; cmd: 'reset' }
	| { id: number; cmd: 'close' };

let gateway: MockGateway | undefined;
/** Every request since the last reset, as it was answered: the loops' windows are read from it. */
const timeline: TimelineEntry[] = [];

function reply(id: number, body: Record<string, unknown>): void {
	process.send?.({ id, ...body });
}

/** Records for acknowledging by item (logistics, default shop), or waiting in a loop's shop for its query. */
function seed(count: number, loop: LoopName | undefined): string[] {
	if (!gateway) return [];
	if (loop === undefined) return gateway.seedPending(count).map((r) => r.rec_id);
	LOOPS[loop].query.seed(gateway, count, LOOP_SHOP);
	return [];
}

process.on('message', (message: Command) => {
	void (async () => {
		switch (message.cmd) {
			case 'start':
				await gateway?.close();
				timeline.length = 0;
				gateway = await MockGateway.start({
					...message.options,
					onRequest: (record) => timeline.push({ api: record.api, code: record.code, processed: record.processed, atMs: performance.now() }),
				});
				return reply(message.id, { baseUrl: gateway.baseUrl });
			case 'seed':
				return reply(message.id, { ids: seed(message.count, message.loop) });
			case 'stats':
				return reply(message.id, {
					// Records taken off the pools: logistics acks, and stock acks that cleared a change.
					ledger: (gateway?.ledger.length ?? 0) + (gateway?.stockLedger.filter((entry) => entry.applied).length ?? 0),
					requests: gateway?.requests.length ?? 0,
					rateLimited: gateway?.requests.filter((r) => r.code === 1012).length ?? 0,
				});
			case 'timeline':
				return reply(message.id, { timeline });
			case 'reset':
				gateway?.reset();
				timeline.length = 0;
				return reply(message.id, {});
			case 'close':
				await gateway?.close();
				reply(message.id, {});
				process.exit(0);
		}
	})();
});
