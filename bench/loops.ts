/**
 * The sync loops the benchmark runs under the ERP's rate limit: an operation's query (Get Pending,
 * Get Changes) and its Acknowledge looping in one execution until the query finds nothing, as the
 * examples do. A loop is a profile of two operations the tests already know by name
 * (test/workflow/operations.ts, which also says how the gateway seeds them), plus what its ack
 * maps beyond its defaults; the workflow (workflows.ts) and the reading of the gateway's timeline
 * (below) are the same for every loop.
 */
import type { INodeParameters } from 'n8n-workflow';

import { BATCH_SIZE_MAX, QUERY_LIMIT_MAX } from '../nodes/Wangdiantong/core/limits';
import { BATCHED, QUERIES, type BatchedProfile, type QueryProfile } from '../test/workflow/operations';

export interface LoopProfile {
	query: QueryProfile;
	ack: BatchedProfile;
	/** The ack's parameters beyond resource and operation. */
	ackParameters: INodeParameters;
}

function profile(query: string, ack: string, ackParameters: INodeParameters): LoopProfile {
	const find = <T extends { name: string }>(list: readonly T[], name: string): T => {
		const found = list.find((entry) => entry.name === name);
		if (!found) throw new Error(`no operation named ${name} in test/workflow/operations.ts`);
		return found;
	};
	return { query: find(QUERIES, query), ack: find(BATCHED, ack), ackParameters };
}

/**
 * Each round fetches the most the query returns and acknowledges it in one call: a query and an
 * ack per QUERY_LIMIT_MAX records. Logistics Acknowledge's default batch is 50, so its loop sets
 * the maximum, as the shipped example does (README, "Running at scale"); Stock Acknowledge's
 * default is already the maximum, and its default mappings read Get Changes' fields.
 */
export const LOOPS = {
	logistics: profile('Logistics Sync → Get Pending', 'Logistics Sync → Acknowledge', {
		status: 0,
		message: '已同步到平台',
		options: { batchSize: BATCH_SIZE_MAX },
	}),
	stock: profile('Stock Sync → Get Changes', 'Stock Sync → Acknowledge', {}),
} satisfies Record<string, LoopProfile>;

export type LoopName = keyof typeof LOOPS;

/** The shop every loop syncs. */
export const LOOP_SHOP = 'bench-shop';

/** Records per round, and calls per round (a query and an ack). */
export const RECORDS_PER_ROUND = QUERY_LIMIT_MAX;
export const CALLS_PER_ROUND = 2;

/**
 * The most records a minute a loop can acknowledge under a limit of `maxCalls` calls per
 * `windowMs`: every call allowed, each round a query and an ack of RECORDS_PER_ROUND.
 */
export const ceilingPerMinute = (maxCalls: number, windowMs: number): number =>
	((maxCalls * 60_000) / windowMs / CALLS_PER_ROUND) * RECORDS_PER_ROUND;

/** One request as the gateway answered it: script (no `.php`), ERP code, whether it ran, when (ms). */
export interface TimelineEntry {
	api: string;
	code: number | undefined;
	processed: boolean;
	atMs: number;
}

/**
 * A loop's run read from the gateway's side. A window is a run of admitted calls between two
 * stretches of 1012 answers: the loop's burst, then its wait until the limit lets it in again.
 */
export interface LoopTimeline {
	admitted: number;
	rateLimited: number;
	/** The windows the loop's calls fell into (bursts separated by 1012 answers). */
	windows: number;
	/** Admitted calls per window, in order. */
	callsPerWindow: number[];
	/** From the first admitted call to the last (the query that found nothing), ms. */
	spanMs: number;
	/** Mean time from a window's first admitted call to its last, over every window but the last. */
	burstMs: number;
	/** Mean time from a window's last admitted call to the next window's first: the wait after the 1012. */
	waitMs: number;
}

export function readTimeline(entries: readonly TimelineEntry[]): LoopTimeline {
	const windows: TimelineEntry[][] = [];
	let refusedSince = true;
	let rateLimited = 0;
	for (const entry of entries) {
		if (entry.code === 1012) {
			rateLimited++;
			refusedSince = true;
		} else if (entry.processed) {
			if (refusedSince) windows.push([]);
			refusedSince = false;
			windows[windows.length - 1].push(entry);
		}
	}
	const first = (w: TimelineEntry[]) => w[0].atMs;
	const last = (w: TimelineEntry[]) => w[w.length - 1].atMs;
	const full = windows.slice(0, -1);
	const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
	return {
		admitted: windows.reduce((sum, w) => sum + w.length, 0),
		rateLimited,
		windows: windows.length,
		callsPerWindow: windows.map((w) => w.length),
		spanMs: windows.length ? last(windows[windows.length - 1]) - first(windows[0]) : NaN,
		burstMs: mean(full.map((w) => last(w) - first(w))),
		waitMs: mean(full.map((w, i) => first(windows[i + 1]) - last(w))),
	};
}
