/** What one benchmark scenario runs. */
import type { INodeParameters } from 'n8n-workflow';

export type ScenarioSpec = { label: string } & (
	| { kind: 'passThrough' }
	| { kind: 'node'; options?: INodeParameters }
	| { kind: 'bare' }
	| { kind: 'helperOnly' }
	| { kind: 'diy'; perRequest: number; requestsAtOnce?: number }
);
