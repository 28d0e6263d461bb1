/**
 * When to try a failed call again, and after how long. Pure: the caller supplies the randomness.
 *
 * Transient failures back off exponentially with jitter. Rate limits are different: the gateway
 * counts calls per minute, so a retry a few hundred milliseconds later meets the same wall
 * (docs/PROTOCOL.md, "Rate limit"); those wait out the window instead. Sign, appkey, timestamp and parameter errors
 * are never retried: they would fail the same way again.
 */
import type { GatewayFailure } from './failure';
import { RATE_LIMIT_WAIT_SECONDS_DEFAULT, RETRIES_DEFAULT, RETRY_WAIT_CAP_MS, RETRY_WAIT_MS_DEFAULT } from './limits';

export interface RetryPolicy {
	/** Attempts after the first one; 0 disables retries. */
	maxRetries: number;
	/** Backoff before the first retry of a transient failure; doubles each time. */
	baseDelayMs: number;
	/** Cap on a transient backoff. */
	maxDelayMs: number;
	/** Wait before retrying after a rate limit (1012): long enough for the limit's window to pass. */
	rateLimitDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: RETRIES_DEFAULT,
	baseDelayMs: RETRY_WAIT_MS_DEFAULT,
	maxDelayMs: RETRY_WAIT_CAP_MS,
	rateLimitDelayMs: RATE_LIMIT_WAIT_SECONDS_DEFAULT * 1000,
};

/**
 * Milliseconds to wait before retry number `retriesDone + 1`, or `undefined` when the failure is
 * final (not retryable, or the retries are used up). `random` returns a number in [0, 1).
 */
export function retryDelayMs(
	failure: GatewayFailure,
	retriesDone: number,
	policy: RetryPolicy,
	random: () => number,
): number | undefined {
	if (!failure.retryable || retriesDone >= policy.maxRetries) return undefined;
	if (failure.rateLimited) {
		// A little jitter so that parallel workflows do not return to the gateway in lockstep.
		return Math.round(policy.rateLimitDelayMs * (1 + 0.1 * random()));
	}
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
	// "Equal jitter": at least half the backoff, so retries never bunch up near zero.
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
