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
