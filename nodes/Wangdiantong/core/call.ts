/**
 * One gateway call with retries: send, read the answer, and on a retryable failure wait and send
 * again (the sender signs each attempt afresh). Every operation calls the gateway through an
 * `ApiCall` built here; inside n8n, transport/index.ts builds it on n8n's HTTP helper.
 */
import { transportFailure, type GatewayFailure } from './failure';
import type { BusinessParams } from './request';
import { readGatewayResponse, type RawResponse } from './response';
import { retryDelayMs, type RetryPolicy } from './retry';

/** What an answered call (`code` 0) means to the caller: a value, or a failure after all. */
export type Interpretation<T> = { ok: true; value: T } | { ok: false; failure: GatewayFailure };

/**
 * Reads a `code` 0 answer. `earlierAttemptMayHaveLanded`: an earlier attempt of this call may have
 * been processed by the gateway, so "already done" answers can be read correctly.
 */
export type AnswerReader<T> = (data: Record<string, unknown>, earlierAttemptMayHaveLanded: boolean) => Interpretation<T>;

export type CallResult<T> =
	| { ok: true; value: T; attempts: number; earlierAttemptMayHaveLanded: boolean }
	| {
			ok: false;
			failure: GatewayFailure;
			attempts: number;
			/** Some attempt may have been processed by the gateway although no answer said so. */
			mayHaveLanded: boolean;
	  };

export interface ApiRequest<T> {
	/** The openapi2 script, e.g. `logistics_sync_query.php`. */
	script: string;
	params: BusinessParams;
	read: AnswerReader<T>;
	/** Names the call in retry logs ("batch 3", "shop mall01"). Never the request itself. */
	label: string;
}

/** The one way operations call the gateway. */
export type ApiCall = <T>(request: ApiRequest<T>) => Promise<CallResult<T>>;

/** One signed request; throws on network errors. */
export type GatewaySend = (script: string, params: BusinessParams) => Promise<RawResponse>;

export interface CallEnvironment {
	retry: RetryPolicy;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	isCancelled: () => boolean;
	/** Called before each retry wait, for logs. Never receives the request. */
	onRetry?: (event: { label: string; attempt: number; delayMs: number; failure: GatewayFailure }) => void;
}

/** Binds a sender and the retry environment into the `ApiCall` every operation uses. */
export function retryingCall(send: GatewaySend, env: CallEnvironment): ApiCall {
	return async (request) => await callWithRetries(request, send, env);
}

async function callWithRetries<T>(request: ApiRequest<T>, send: GatewaySend, env: CallEnvironment): Promise<CallResult<T>> {
	let earlierAttemptMayHaveLanded = false;
	// Counted apart: rate limits have their own, larger allowance (retry.ts).
	const retriesDone = { transient: 0, rateLimited: 0 };
	for (let attempt = 1; ; attempt++) {
		let failure: GatewayFailure;
		try {
			const answer = readGatewayResponse(await send(request.script, request.params));
			const meaning = answer.ok ? request.read(answer.data, earlierAttemptMayHaveLanded) : answer;
			if (meaning.ok) return { ok: true, value: meaning.value, attempts: attempt, earlierAttemptMayHaveLanded };
			failure = meaning.failure;
		} catch (error) {
			failure = transportFailure(error);
		}
		earlierAttemptMayHaveLanded ||= failure.mayHaveBeenProcessed;
		const givenUp = { ok: false, failure, attempts: attempt, mayHaveLanded: earlierAttemptMayHaveLanded } as const;
		const kind = failure.rateLimited ? 'rateLimited' : 'transient';
		const delayMs = env.isCancelled() ? undefined : retryDelayMs(failure, retriesDone[kind], env.retry, env.random);
		if (delayMs === undefined) return givenUp;
		retriesDone[kind]++;
		env.onRetry?.({ label: request.label, attempt, delayMs, failure });
		await env.sleep(delayMs);
		if (env.isCancelled()) return givenUp;
	}
}
