import type { GatewayFailure } from '../../nodes/Wangdiantong/core/failure';
import { DEFAULT_RETRY_POLICY, rateLimitRetries, retryDelayMs } from '../../nodes/Wangdiantong/core/retry';

const failure = (overrides: Partial<GatewayFailure>): GatewayFailure => ({
	kind: 'connection_lost',
	message: 'x',
	retryable: true,
	rateLimited: false,
	credentialsRejected: false,
	mayHaveBeenProcessed: true,
	...overrides,
});

const policy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 5000, rateLimitDelayMs: 31000 };

describe('retry decisions', () => {
	test('transient failures back off exponentially, with jitter between half and the full step', () => {
		expect(retryDelayMs(failure({}), 0, policy, () => 0)).toBe(500);
		expect(retryDelayMs(failure({}), 0, policy, () => 0.5)).toBe(750);
		expect(retryDelayMs(failure({}), 1, policy, () => 0)).toBe(1000);
		expect(retryDelayMs(failure({}), 2, policy, () => 1)).toBe(4000);
	});

	test('the backoff is capped', () => {
		const many = { ...policy, maxRetries: 10 };
		expect(retryDelayMs(failure({}), 8, many, () => 1)).toBe(5000);
	});

	test('rate limits wait out the window, not a short backoff', () => {
		expect(retryDelayMs(failure({ rateLimited: true }), 0, policy, () => 0)).toBe(31000);
	});

	test('no retry for final failures or once retries are used up', () => {
		expect(retryDelayMs(failure({ retryable: false }), 0, policy, () => 0)).toBeUndefined();
		expect(retryDelayMs(failure({}), 3, policy, () => 0)).toBeUndefined();
		expect(retryDelayMs(failure({}), 0, { ...policy, maxRetries: 0 }, () => 0)).toBeUndefined();
	});

	test('rate limits have their own allowance, about five minutes of waits, beyond Retries', () => {
		const limited = failure({ rateLimited: true });
		// 31 s waits: 10 of them; the transient allowance (3) does not stop them.
		expect(rateLimitRetries(policy)).toBe(10);
		expect(retryDelayMs(limited, 3, policy, () => 0)).toBe(31000);
		expect(retryDelayMs(limited, 9, policy, () => 0)).toBe(31000);
		expect(retryDelayMs(limited, 10, policy, () => 0)).toBeUndefined();
		// A tiny wait is counted as the default 10 s: 30 tries, not thousands.
		expect(rateLimitRetries({ ...policy, rateLimitDelayMs: 10 })).toBe(30);
		// Never fewer than Retries; none when retries are off.
		expect(rateLimitRetries({ ...policy, maxRetries: 10, rateLimitDelayMs: 600_000 })).toBe(10);
		expect(rateLimitRetries({ ...policy, maxRetries: 0 })).toBe(0);
		expect(retryDelayMs(limited, 0, { ...policy, maxRetries: 0 }, () => 0)).toBeUndefined();
	});

	test('the default policy retries three times on transient failures and waits about 10 s on each 1012, 30 times at most', () => {
		expect(DEFAULT_RETRY_POLICY.maxRetries).toBe(3);
		expect(DEFAULT_RETRY_POLICY.rateLimitDelayMs).toBe(10000);
		expect(rateLimitRetries(DEFAULT_RETRY_POLICY)).toBe(30);
	});
});
