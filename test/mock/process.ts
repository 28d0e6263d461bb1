/**
 * What the gateway does with a request once it decides to answer it: the public checks (auth.ts),
 * the rate limit, then the API script. Pure with respect to HTTP; faults are handled elsewhere.
 */
import { APIS } from './api';
import { authenticate } from './auth';
import { CODE_RATE_LIMITED, RATE_LIMITED } from './messages';
import type { RateLimiter } from './rateLimiter';
import { errorReply, type Reply } from './reply';
import type { LogisticsStore } from './store';
import type { MockAccount } from './types';

export interface ProcessDeps {
	store: LogisticsStore;
	limiter: RateLimiter;
	accounts: ReadonlyMap<string, MockAccount>;
	now: () => number;
	windowSeconds: number;
	omitEmptyErrors: boolean;
}

export interface Processed {
	reply: Reply;
	/** Whether the API script ran (and may have changed the store). */
	ran: boolean;
}

export function processRequest(
	api: string,
	params: Readonly<Record<string, string>>,
	requestNumber: number,
	deps: ProcessDeps,
): Processed {
	const nowMs = deps.now();
	const auth = authenticate(params, {
		accounts: deps.accounts,
		nowMs,
		windowSeconds: deps.windowSeconds,
	});
	if (!auth.ok) return { reply: auth.reply, ran: false };
	if (!deps.limiter.admit(auth.account.appKey, nowMs)) {
		return { reply: errorReply(CODE_RATE_LIMITED, RATE_LIMITED), ran: false };
	}
	const handler = APIS.get(api);
	if (handler === undefined) throw new Error(`no handler for ${api}`); // routing checked it already
	const reply = handler(params, {
		store: deps.store,
		requestNumber,
		omitEmptyErrors: deps.omitEmptyErrors,
	});
	return { reply, ran: true };
}
