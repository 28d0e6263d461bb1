import { sleepWithAbort } from 'n8n-workflow';

/**
 * A wait for retries and pauses that ends early, without throwing, when the execution is
 * cancelled: the caller then sees the signal and stops. n8n's own sleep helper, since timers are
 * off limits to nodes on n8n Cloud.
 */
export function cancellableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
	return async (ms) => {
		try {
			await sleepWithAbort(ms, signal);
		} catch {
			// Cancelled: nothing to do here.
		}
	};
}
