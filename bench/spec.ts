/** What one benchmark scenario runs. */
import type { INodeParameters } from 'n8n-workflow';

export type ScenarioSpec = { label: string } & (
	| { kind: 'passThrough' }
	| { kind: 'node'; options?: INodeParameters }
	| { kind: 'bare' }
	| { kind: 'helperOnly' }
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

/** One request per record, or one a second: too slow to be worth it beyond this many records. */
const SLOW_UP_TO = 5000;

/** Whether a scenario is worth running at this size and latency. */
export function worthRunning(spec: ScenarioSpec, records: number, latencyMs: number): boolean {
	if (spec.kind !== 'diy') return true;
	const interval = spec.pacing?.intervalMs;
	const slow = spec.perRequest === 1 || (typeof interval === 'number' && interval >= 1000);
	// Pacing requests by the round trip means nothing without one.
	return !(slow && records > SLOW_UP_TO) && !(interval === 'latency' && latencyMs === 0);
}
