/**
 * Reading a run under the ERP's rate limit from the gateway's side: the ceiling a limit allows,
 * and the windows the run's calls fell into (its bursts and its waits after a 1012). The sync
 * loops and Trade Push are read the same way; only what a call carries differs (a loop's round is
 * a query and an ack of 100 records, a push call 50 orders).
 */

/**
 * The most records a minute an operation can carry under a limit of `maxCalls` calls per
 * `windowMs`, every call allowed, each carrying `recordsPerCall` on average.
 */
export const ceilingPerMinute = (maxCalls: number, windowMs: number, recordsPerCall: number): number =>
	((maxCalls * 60_000) / windowMs) * recordsPerCall;

/**
 * One request as the gateway answered it: script (no `.php`), ERP code, whether it ran, when (ms),
 * and the records it took off the gateway's pools or saved (acks, pushed orders).
 */
export interface TimelineEntry {
	api: string;
	code: number | undefined;
	processed: boolean;
	atMs: number;
	records: number;
}

/**
 * A run read from the gateway's side. A window is a run of admitted calls between two stretches
 * of 1012 answers: a burst, then the wait until the limit lets the run in again. Every window but
 * the last is full (it ended on a 1012); the last is what was left (a loop's final query, a push's
 * last calls). The share of the ceiling is read over the full windows: from the first call to the
 * last window's first, the records the full windows carried — what a run as long as it likes
 * sustains, neither the empty window a fresh appkey starts with nor a short last one counted.
 */
export interface RateTimeline {
	admitted: number;
	rateLimited: number;
	/** The windows the calls fell into (bursts separated by 1012 answers). */
	windows: number;
	/** Admitted calls per window, in order. */
	callsPerWindow: number[];
	/** From the first admitted call to the last, ms. */
	spanMs: number;
	/** From the first admitted call to the last window's first: the full windows' time, ms. */
	fullSpanMs: number;
	/** Records the full windows' calls carried. */
	fullRecords: number;
	/** Mean time from a window's first admitted call to its last, over the full windows. */
	burstMs: number;
	/** Mean time from a full window's last admitted call to the next window's first: the wait after the 1012. */
	waitMs: number;
}

export function readTimeline(entries: readonly TimelineEntry[]): RateTimeline {
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
	const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
	const lastWindow = windows[windows.length - 1];
	return {
		admitted: sum(windows.map((w) => w.length)),
		rateLimited,
		windows: windows.length,
		callsPerWindow: windows.map((w) => w.length),
		spanMs: windows.length ? last(lastWindow) - first(windows[0]) : NaN,
		fullSpanMs: full.length ? first(lastWindow) - first(windows[0]) : NaN,
		fullRecords: sum(full.map((w) => sum(w.map((entry) => entry.records)))),
		burstMs: mean(full.map((w) => last(w) - first(w))),
		waitMs: mean(full.map((w, i) => first(windows[i + 1]) - last(w))),
	};
}
