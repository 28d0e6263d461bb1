/**
 * Every way a call to the gateway can fail, as data the retry policy and the node can reason about.
 * Nothing here carries the request body, so neither the app secret's product (`sign`) nor anything
 * else secret can leak through a failure's text.
 */

export type FailureKind =
	/** No TCP/TLS connection was made: the gateway never saw the request. */
	| 'connect'
	/** The connection broke after the request was (maybe) written: the gateway may have processed it. */
	| 'connection_lost'
	/** No answer within the request timeout: the gateway may have processed it. */
	| 'timeout'
	/** A non-2xx HTTP status. */
	| 'http_status'
	/** HTTP 2xx, but the body is not the JSON object the gateway answers with. */
	| 'unreadable_body'
	/** The gateway answered with `code` ≠ 0. */
	| 'erp';

export interface GatewayFailure {
	kind: FailureKind;
	/** English, one sentence, safe to show: never the request, never a secret. */
	message: string;
	/** The ERP's own code, as a string (it arrives as a number or a string). */
	erpCode?: string;
	/** The ERP's own text, kept verbatim (usually Chinese). */
	erpMessage?: string;
	httpStatus?: number;
	/** A later attempt of the same request may succeed. */
	retryable: boolean;
	/** Rate limited: wait out the window rather than a short backoff. */
	rateLimited: boolean;
	/**
	 * The gateway refused our identity (sign, appkey, timestamp, disabled appkey): every further
	 * call in this run would fail the same way, so none should be made.
	 */
	credentialsRejected: boolean;
	/**
	 * The gateway may have processed the request although we saw a failure (a reset after sending,
	 * a timeout, a proxy's 5xx, a garbled answer). A rejection with `code` ≠ 0 was not processed.
	 */
	mayHaveBeenProcessed: boolean;
}

/**
 * An answer that cannot be read (not JSON, or JSON of the wrong shape). Retried: a garbled answer
 * is usually a proxy or a passing fault. `mayHaveBeenProcessed` is the caller's to say: an ack
 * the gateway may have applied before its answer went wrong, or a query that changes nothing.
 */
export function unreadableAnswer(message: string, mayHaveBeenProcessed: boolean, httpStatus?: number): GatewayFailure {
	return {
		kind: 'unreadable_body',
		message,
		...(httpStatus === undefined ? {} : { httpStatus }),
		retryable: true,
		rateLimited: false,
		credentialsRejected: false,
		mayHaveBeenProcessed,
	};
}

/** One line for users: the ERP's code and original text beside the English explanation. */
export function describeFailure(failure: GatewayFailure): string {
	if (failure.kind === 'erp') {
		const original = (failure.erpMessage ?? '').trim();
		return `ERP error ${failure.erpCode}${original ? ` (${original})` : ''}: ${failure.message}`;
	}
	return failure.message;
}
