/**
 * Every way a call to the gateway can fail, as data the retry policy and the node can reason
 * about, and the one place each kind of failure is made: a thrown network error
 * (`transportFailure`), a non-2xx status (`httpStatusFailure`), an unreadable answer
 * (`unreadableAnswer`) and an answer with `code` ≠ 0 (`erpFailure`, docs/PROTOCOL.md, "Error
 * codes"). Nothing here carries the request body, so neither the app secret's product (`sign`)
 * nor anything else secret can leak through a failure's text.
 */
import { TIMESTAMP_WINDOW_SECONDS } from './limits';

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

// ---------------------------------------------------------------------------------------------
// HTTP statuses.

export function httpStatusFailure(status: number): GatewayFailure {
	return {
		kind: 'http_status',
		message: `The gateway answered HTTP ${status}`,
		httpStatus: status,
		// 5xx and 429 are the gateway or a proxy in trouble; other 4xx will not change on retry.
		retryable: status >= 500 || status === 429 || status === 408,
		rateLimited: status === 429,
		credentialsRejected: false,
		// A 500 may come from a script that died half-way, a 502/504 from a proxy that gave up
		// waiting on a gateway still at work; a 503 (no server available) and 4xx turn the
		// request away before any processing.
		mayHaveBeenProcessed: status >= 500 && status !== 503,
	};
}

// ---------------------------------------------------------------------------------------------
// Answers with `code` ≠ 0.
//
// Decisions rest on the structured `code` wherever the gateway gives one that is specific. Code
// 100 is not: it covers a bad sign, an unknown appkey, a skewed clock and a missing parameter
// alike, so for code 100 the ERP's text is read to tell the user which of these to fix. Code 1007
// is shared too (a disabled appkey, or an unknown shop on shop-scoped calls), so its text tells
// the two apart. Rate limiting is recognised by code 1012 alone, and also by text: the vendor's
// advice is to back off on any message that says 频繁 / 频率 / 并发, whatever its code
// (docs/PROTOCOL.md, "Rate limit" and "Error codes").

export const ERP_CODE_INVALID_REQUEST = '100';
export const ERP_CODE_APPKEY_DISABLED = '1007';
export const ERP_CODE_RATE_LIMITED = '1012';

/** Which part of the identity a code-100 answer blames, read from the ERP's text. */
export type IdentityProblem = 'sign' | 'appkey' | 'timestamp' | 'other';

export function identityProblemOf(erpMessage: string): IdentityProblem {
	const text = erpMessage.toLowerCase();
	if (text.includes('时间戳') || text.includes('timestamp')) return 'timestamp';
	if (text.includes('签名') || text.includes('sign')) return 'sign';
	if (text.includes('appkey') || text.includes('接口账号') || text.includes('app key')) return 'appkey';
	return 'other';
}

const RATE_LIMIT_WORDS = ['频繁', '频率', '并发'];

export function isRateLimited(erpCode: string, erpMessage: string): boolean {
	return erpCode === ERP_CODE_RATE_LIMITED || RATE_LIMIT_WORDS.some((w) => erpMessage.includes(w));
}

/** Code 1007 also answers shop-scoped calls for a shop the ERP does not have (`店铺不存在`). */
function isUnknownShop(erpMessage: string): boolean {
	return erpMessage.includes('店铺');
}

/** An English explanation with the fix, to stand beside the ERP's own (usually Chinese) text. */
export function explainErpError(erpCode: string, erpMessage: string): string {
	if (isRateLimited(erpCode, erpMessage)) {
		return 'The ERP is rate limiting this appkey. Wait a minute and run again, lower Concurrency, or raise Pause Between Batches.';
	}
	if (erpCode === ERP_CODE_APPKEY_DISABLED) {
		return isUnknownShop(erpMessage)
			? 'The ERP has no shop with this code: check Shop Code (店铺编号) against the ERP’s shop list.'
			: 'The appkey is disabled. Ask Wangdiantong (your account manager) to re-enable the 接口账号 appkey.';
	}
	if (erpCode === ERP_CODE_INVALID_REQUEST) {
		switch (identityProblemOf(erpMessage)) {
			case 'sign':
				return 'The gateway rejected the signature: the App Secret in the credential is wrong. Copy the appsecret again from the ERP open platform (自助对接).';
			case 'appkey':
				return 'The gateway does not know this appkey: check App Key (接口账号 appkey) and Seller Account (卖家账号 sid) in the credential.';
			case 'timestamp':
				return `The gateway rejected the timestamp: this machine's clock differs from Beijing time by more than ${TIMESTAMP_WINDOW_SECONDS} seconds (5 minutes), the most the gateway allows. Synchronise the clock (NTP) of the machine running n8n.`;
			default:
				return MISSING_PUBLIC_PARAMETER.test(erpMessage)
					? 'The gateway rejected the request (invalid sign, appkey, timestamp or a missing parameter). Check the credential and the node parameters.'
					: 'The ERP refused the request: its message says why (code 100 also means a parameter or a record it could not take).';
		}
	}
	return 'The ERP refused the request; its message says why.';
}

/** A public parameter the gateway says is missing: the credential's to send, so the account's problem. */
const MISSING_PUBLIC_PARAMETER = /缺少参数\s*(sid|appkey|timestamp|sign)\b/i;

/**
 * Whether the refusal concerns the account itself, so that every further call of the run would
 * meet it too. Code 100 only when its text names the sign, the appkey, the timestamp or a missing
 * public parameter: the same code also refuses a bad business parameter or, on the push scripts,
 * the records of one call, which says nothing of the next (docs/PROTOCOL.md, "Error codes").
 */
function refusesAccount(erpCode: string, erpMessage: string): boolean {
	if (erpCode === ERP_CODE_INVALID_REQUEST) {
		return identityProblemOf(erpMessage) !== 'other' || MISSING_PUBLIC_PARAMETER.test(erpMessage);
	}
	return erpCode === ERP_CODE_APPKEY_DISABLED && !isUnknownShop(erpMessage);
}

/** A gateway answer with `code` ≠ 0, as a failure. */
export function erpFailure(erpCode: string, erpMessage: string): GatewayFailure {
	const rateLimited = isRateLimited(erpCode, erpMessage);
	const credentialsRejected = !rateLimited && refusesAccount(erpCode, erpMessage);
	return {
		kind: 'erp',
		message: explainErpError(erpCode, erpMessage),
		erpCode,
		erpMessage,
		// Sign, appkey, timestamp and parameter errors fail the same way again; only rate limits pass.
		retryable: rateLimited,
		rateLimited,
		credentialsRejected,
		// The gateway refused the whole call: nothing in it was processed.
		mayHaveBeenProcessed: false,
	};
}

// ---------------------------------------------------------------------------------------------
// Thrown network errors.
//
// Read from the stable `code` strings of Node's net/tls layer, undici (`UND_ERR_*`) and axios
// (which n8n's HTTP helper uses), looked up on the error and its `cause` chain. Never from message
// text, and never copying the error's request details (they hold the signed body).

/** The request never left: no connection was made. */
const CONNECT_CODES = new Set([
	'ECONNREFUSED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ENOTFOUND',
	'UND_ERR_CONNECT_TIMEOUT',
]);

/** A retry cannot fix these: the address or the TLS certificate is wrong. */
const PERMANENT_CODES = new Set([
	'ENOTFOUND',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'ERR_INVALID_URL',
]);

/** No answer in time. axios reports its own timeout as ECONNABORTED. */
const TIMEOUT_CODES = new Set([
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ERR_CANCELED',
]);

function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, httpCode, name, cause } = current as Record<string, unknown>;
		if (typeof code === 'string') codes.push(code);
		// n8n's NodeApiError (which its HTTP helper throws) drops `cause` in n8n-workflow 1.x but
		// copies the network error's code into `httpCode`.
		if (typeof httpCode === 'string' && /^[A-Z][A-Z0-9_]+$/.test(httpCode)) codes.push(httpCode);
		if (name === 'TimeoutError' || name === 'AbortError') codes.push(name);
		current = cause;
	}
	return codes;
}

export function transportFailure(error: unknown): GatewayFailure {
	const codes = errorCodes(error);
	const code = codes[0] ?? 'unknown';
	const base = { rateLimited: false, credentialsRejected: false } as const;
	if (codes.some((c) => CONNECT_CODES.has(c) || PERMANENT_CODES.has(c))) {
		const permanent = codes.some((c) => PERMANENT_CODES.has(c));
		return {
			...base,
			kind: 'connect',
			message: permanent
				? `Could not reach the gateway (${code}): check the environment or custom base URL in the credential`
				: `Could not connect to the gateway (${code})`,
			retryable: !permanent,
			mayHaveBeenProcessed: false,
		};
	}
	if (codes.some((c) => TIMEOUT_CODES.has(c) || c === 'TimeoutError' || c === 'AbortError')) {
		return {
			...base,
			kind: 'timeout',
			message: `The gateway did not answer within the request timeout (${code})`,
			retryable: true,
			mayHaveBeenProcessed: true,
		};
	}
	return {
		...base,
		kind: 'connection_lost',
		message: `The connection to the gateway failed (${code})`,
		retryable: true,
		mayHaveBeenProcessed: true,
	};
}
