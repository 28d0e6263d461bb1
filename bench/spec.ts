/** What one benchmark scenario runs. */
import type { INodeParameters } from 'n8n-workflow';

import type { LoopName } from './loops';
import type { PushName } from './pushes';

export type ScenarioSpec = { label: string } & (
	/** n8n's engine carrying the items through a No-Op: the logistics records, or a push's records (`push`). */
	| { kind: 'passThrough'; push?: PushName }
	/** Logistics Sync → Acknowledge with its default mappings (workflows.ts). */
	| { kind: 'node'; options?: INodeParameters }
	/** A push operation (pushes.ts) with its defaults: the item's JSON is the record. */
	| { kind: 'push'; push: PushName; options?: INodeParameters }
	| { kind: 'bare' }
	| { kind: 'helperOnly' }
	/** A query → Acknowledge loop in one execution, draining its shop (loops.ts). */
	| { kind: 'loop'; loop: LoopName }
	| {
			kind: 'diy';
			perRequest: number;
			/**
			 * The HTTP Request node's Options → Batching: one request started every `intervalMs`
			 * ('latency': the gateway's round trip, the best a user who knows it can set). Without
			 * it the node starts every request at once.
			 */
			pacing?: { intervalMs: number | 'latency' };
	  }
);

/** Records per request: the node's default batch, and what the do-it-yourself rows pack. */
export const BATCH = 50;

/** The scenarios, by name: `npm run bench` and `bench:n8n` run a selection each. */
export const SCENARIOS = {
	passThrough: { label: 'pass-through (No-Op)', kind: 'passThrough' },
	node: { label: 'Wangdiantong node', kind: 'node' },
	nodeConcurrency2: { label: 'Wangdiantong node, concurrency 2', kind: 'node', options: { concurrency: 2 } },
	helperOnly: { label: "n8n's HTTP helper alone, same requests", kind: 'helperOnly' },
	bare: { label: 'bare undici client (floor for a perfect node)', kind: 'bare' },
	diyPerRoundTrip: { label: 'DIY Code + HTTP Request, 50/request, one started per round trip', kind: 'diy', perRequest: BATCH, pacing: { intervalMs: 'latency' } },
	diyPerSecond: { label: 'DIY Code + HTTP Request, 50/request, one per second (Batching defaults)', kind: 'diy', perRequest: BATCH, pacing: { intervalMs: 1000 } },
	diyAllAtOnce: { label: 'DIY Code + HTTP Request, 50/request, all at once', kind: 'diy', perRequest: BATCH },
	diyPerRecord: { label: 'DIY Code + HTTP Request, 1/request, all at once', kind: 'diy', perRequest: 1 },
	logisticsLoop: { label: 'logistics loop: Get Pending → Acknowledge', kind: 'loop', loop: 'logistics' },
	stockLoop: { label: 'stock loop: Get Changes → Acknowledge', kind: 'loop', loop: 'stock' },
	passThroughOrders: { label: 'pass-through (No-Op), Trade Push’s orders', kind: 'passThrough', push: 'trade' },
	tradePush: { label: 'Wangdiantong node, Trade → Push', kind: 'push', push: 'trade' },
} satisfies Record<string, ScenarioSpec>;

/** The network floor: requests × latency, what the round trips alone need with sequential batches. */
export const floorMs = (records: number, latencyMs: number): number => Math.ceil(records / BATCH) * latencyMs;

/** One request per record, or one a second: too slow to be worth it beyond this many records. */
const SLOW_UP_TO = 5000;

/** The push whose records a scenario's items are, if any: they come from the gateway, made for it. */
export const pushOf = (spec: ScenarioSpec): PushName | undefined => (spec.kind === 'push' || spec.kind === 'passThrough' ? spec.push : undefined);

/** Whether a scenario is worth running at this size and latency. */
export function worthRunning(spec: ScenarioSpec, records: number, latencyMs: number): boolean {
	if (spec.kind !== 'diy') return true;
	const interval = spec.pacing?.intervalMs;
	const slow = spec.perRequest === 1 || (typeof interval === 'number' && interval >= 1000);
	// Pacing requests by the round trip means nothing without one.
	return !(slow && records > SLOW_UP_TO) && !(interval === 'latency' && latencyMs === 0);
}
