import { sleep, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A wait for retries and pauses that ends early, without throwing, when the execution is
 * cancelled: the caller then sees the signal and stops.
 *
 * Built on n8n-workflow's `sleep` (timers are off limits to nodes on n8n Cloud), which both n8n
 * lines export. Not on `sleepWithAbort`: n8n 1.x has it, 2.x's n8n-workflow does not, and calling
 * it there threw a TypeError that was taken for a cancellation, so every rate-limit wait was
 * skipped (found by `npm run bench:n8n` on n8n 2.40.7).
 */
/** The longest single timer a wait sets (see below). */
const SLEEP_STEP_MS = 1000;

export function cancellableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
	return async (ms) => {
		if (ms <= 0 || signal?.aborted) return;
		if (!signal) return await sleep(ms);
		let onAbort = (): void => undefined;
		const cancelled = new Promise<void>((resolve) => {
			onAbort = resolve;
			signal.addEventListener('abort', onAbort, { once: true });
		});
		try {
			// In steps: `sleep` cannot be cleared, so a cancelled wait leaves its timer running;
			// a step of at most a second is all that outlives the cancel, not a 10 s rate-limit wait.
			for (let left = ms; left > 0 && !signal.aborted; left -= SLEEP_STEP_MS) {
				await Promise.race([sleep(Math.min(left, SLEEP_STEP_MS)), cancelled]);
			}
		} finally {
			signal.removeEventListener('abort', onAbort);
		}
	};
}

/** The execution's own wait and cancel check: what retries and pauses between batches use. */
export function executionClock(context: IExecuteFunctions): { sleep: (ms: number) => Promise<void>; isCancelled: () => boolean } {
	const signal = context.getExecutionCancelSignal();
	return { sleep: cancellableSleep(signal), isCancelled: () => signal?.aborted === true };
}
