/**
 * One gateway call with retries: send, read the answer, and on a retryable failure wait and send
 * again (the transport signs each attempt afresh). Shared by every operation.
 */
import type { GatewayFailure } from './failure';
import { readGatewayResponse, type RawResponse } from './response';
import { retryDelayMs, type RetryPolicy } from './retry';
import { transportFailure } from './transportErrors';

export interface CallEnvironment {
	retry: RetryPolicy;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	isCancelled: () => boolean;
	/** Maps what the transport threw to a failure; defaults to Node/undici/axios error codes. */
	classifyError?: (error: unknown) => GatewayFailure;
	/** Called before each retry wait, for logs. Never receives the request. */
	onRetry?: (event: { attempt: number; delayMs: number; failure: GatewayFailure }) => void;
}

/** What an answered call (`code` 0) means to the caller: a value, or a failure after all. */
export type Interpretation<T> = { ok: true; value: T } | { ok: false; failure: GatewayFailure };

export type CallResult<T> =
	| { ok: true; value: T; attempts: number; earlierAttemptMayHaveLanded: boolean }
	| {
			ok: false;
			failure: GatewayFailure;
			attempts: number;
			/** Some attempt may have been processed by the gateway although no answer said so. */
			mayHaveLanded: boolean;
	  };

/**
 * `interpret` receives the `code` 0 answer and whether an earlier attempt of this call may have
 * been processed by the gateway (so the caller can read "already done" answers correctly).
 */
export async function callWithRetries<T>(
	send: () => Promise<RawResponse>,
	interpret: (data: Record<string, unknown>, earlierAttemptMayHaveLanded: boolean) => Interpretation<T>,
	env: CallEnvironment,
): Promise<CallResult<T>> {
	const classify = env.classifyError ?? transportFailure;
	let earlierAttemptMayHaveLanded = false;
	for (let attempt = 1; ; attempt++) {
		let failure: GatewayFailure;
		try {
			const answer = readGatewayResponse(await send());
			const meaning = answer.ok ? interpret(answer.data, earlierAttemptMayHaveLanded) : answer;
			if (meaning.ok) return { ok: true, value: meaning.value, attempts: attempt, earlierAttemptMayHaveLanded };
			failure = meaning.failure;
		} catch (error) {
			failure = classify(error);
		}
		earlierAttemptMayHaveLanded ||= failure.mayHaveBeenProcessed;
		const givenUp = { ok: false, failure, attempts: attempt, mayHaveLanded: earlierAttemptMayHaveLanded } as const;
		const delayMs = env.isCancelled() ? undefined : retryDelayMs(failure, attempt - 1, env.retry, env.random);
		if (delayMs === undefined) return givenUp;
		env.onRetry?.({ attempt, delayMs, failure });
		await env.sleep(delayMs);
		if (env.isCancelled()) return givenUp;
	}
}
