/** What scripts/e2e/mock-gateway.ts writes to its state file, after every request and at exit. */
import { readFileSync } from 'node:fs';

export interface MockState {
	baseUrl: string;
	platformUrl: string;
	/** Shipments the mock shop platform received (written at exit). */
	platformReceived: number;
	loopShop: string;
	/** The records seeded for the sync loop example, in the loop shop. */
	loopRecords: string[];
	ledger: Array<{ recId: string; status: number; message: string; requestNumber: number }>;
	requests: Array<{ number: number; api: string; outcome: string; code?: number; shopNo?: string }>;
	pending: string[];
}

export function readState(file: string): MockState {
	return JSON.parse(readFileSync(file, 'utf8')) as MockState;
}

/** One line of the check list: what was checked and, when it failed, what was seen. */
export type Expect = (ok: boolean, what: string, detail?: string) => boolean;
