/**
 * The mock gateway in its own process, so that its CPU (parsing, verifying, ledgering) is not
 * counted as the client's. Driven over IPC by gateway.ts.
 */
import { MockGateway } from '../test/mock/gateway';
import type { MockGatewayOptions } from '../test/mock/types';
import { LOOP_SHOP, LOOPS, type LoopName } from './loops';
import { PUSHES, type PushName } from './pushes';
import type { TimelineEntry } from './rateLimit';

type Command =
	| { id: number; cmd: 'start'; options: MockGatewayOptions }
	| { id: number; cmd: 'seed'; count: number; loop?: LoopName }
	| { id: number; cmd: 'pushRecords'; count: number; push: PushName }
	| { id: number; cmd: 'stats' }
	| { id: number; cmd: 'timeline' }
	| { id: number; cmd: 'reset' }
	| { id: number; cmd: 'close' };

let gateway: MockGateway | undefined;
/**
 * Every request since the last reset, as it was answered, by its number: the windows of a run
 * under the rate limit are read from it (rateLimit.ts), the records each took from the ledgers.
 */
const timeline: Array<Omit<TimelineEntry, 'records'> & { number: number }> = [];

/** Per request number, the records the gateway took off its pools or saved: logistics and stock acks that cleared a record, pushed orders. */
function recordsByRequest(g: MockGateway): Map<number, number> {
	const counts = new Map<number, number>();
	const count = (requestNumber: number) => counts.set(requestNumber, (counts.get(requestNumber) ?? 0) + 1);
	g.ledger.forEach((entry) => count(entry.requestNumber));
	g.stockLedger.filter((entry) => entry.applied).forEach((entry) => count(entry.requestNumber));
	g.tradeLedger.forEach((entry) => count(entry.requestNumber));
	return counts;
}

function timelineWithRecords(): TimelineEntry[] {
	const counts = gateway ? recordsByRequest(gateway) : new Map<number, number>();
	return timeline.map(({ number, ...entry }) => ({ ...entry, records: counts.get(number) ?? 0 }));
}

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
					onRequest: (record) =>
						timeline.push({ number: record.number, api: record.api, code: record.code, processed: record.processed, atMs: performance.now() }),
				});
				return reply(message.id, { baseUrl: gateway.baseUrl });
			case 'seed':
				return reply(message.id, { ids: seed(message.count, message.loop) });
			case 'pushRecords':
				return reply(message.id, { items: gateway ? PUSHES[message.push].acceptableItems(gateway, message.count) : [] });
			case 'stats':
				return reply(message.id, {
					// Records taken off the pools or saved: logistics acks, stock acks that cleared a change, pushed orders.
					ledger:
						(gateway?.ledger.length ?? 0) + (gateway?.stockLedger.filter((entry) => entry.applied).length ?? 0) + (gateway?.tradeLedger.length ?? 0),
					requests: gateway?.requests.length ?? 0,
					rateLimited: gateway?.requests.filter((r) => r.code === 1012).length ?? 0,
				});
			case 'timeline':
				return reply(message.id, { timeline: timelineWithRecords() });
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
