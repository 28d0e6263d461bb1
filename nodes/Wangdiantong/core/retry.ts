/**
 * When to try a failed call again, and after how long. Pure: the caller supplies the randomness.
 *
 * Transient failures back off exponentially with jitter, at most `maxRetries` times. Rate limits
 * are different: the gateway counts calls per minute, so a retry a few hundred milliseconds later
 * meets the same wall (docs/PROTOCOL.md, "Rate limit"); those wait `rateLimitDelayMs` and try
 * again, on their own count, for about RATE_LIMIT_PATIENCE_SECONDS: a call that shares its appkey
 * with busy loops may meet the limit many times before its turn, and failing it would lose
 * nothing but the records' place in the queue. Sign, appkey, timestamp and parameter errors are
 * never retried: they would fail the same way again.
 */
import type { GatewayFailure } from './failure';
import { RATE_LIMIT_PATIENCE_SECONDS, RATE_LIMIT_WAIT_SECONDS_DEFAULT, RETRIES_DEFAULT, RETRY_WAIT_CAP_MS, RETRY_WAIT_MS_DEFAULT } from './limits';

export interface RetryPolicy {
	/** Retries after transient failures; 0 disables retries, rate-limited ones too. */
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
 * Retries a call gets for rate limits: about RATE_LIMIT_PATIENCE_SECONDS of waiting at the
 * configured wait (counted at no less than the default wait, so a tiny wait cannot knock
 * thousands of times), never fewer than `maxRetries`, and none when retries are off.
 */
export function rateLimitRetries(policy: RetryPolicy): number {
	if (policy.maxRetries === 0) return 0;
	const perWaitMs = Math.max(policy.rateLimitDelayMs, RATE_LIMIT_WAIT_SECONDS_DEFAULT * 1000);
	return Math.max(policy.maxRetries, Math.ceil((RATE_LIMIT_PATIENCE_SECONDS * 1000) / perWaitMs));
}

/**
 * Milliseconds to wait before the next retry, or `undefined` when the failure is final (not
 * retryable, or its retries are used up). `retriesDone` counts earlier retries of the same kind:
 * rate-limited ones for a rate limit, the others for a transient failure. `random` returns a
 * number in [0, 1).
 */
export function retryDelayMs(
	failure: GatewayFailure,
	retriesDone: number,
	policy: RetryPolicy,
	random: () => number,
): number | undefined {
	if (!failure.retryable) return undefined;
	if (retriesDone >= (failure.rateLimited ? rateLimitRetries(policy) : policy.maxRetries)) return undefined;
	if (failure.rateLimited) {
		// A little jitter so that parallel workflows do not return to the gateway in lockstep.
		return Math.round(policy.rateLimitDelayMs * (1 + 0.1 * random()));
	}
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
	// "Equal jitter": at least half the backoff, so retries never bunch up near zero.
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
