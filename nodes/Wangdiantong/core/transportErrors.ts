/**
 * Turning a thrown network error into a GatewayFailure.
 *
 * Works on the stable `code` strings of Node's net/tls layer, undici (`UND_ERR_*`) and axios (which
 * n8n's HTTP helper uses), looked up on the error and its `cause` chain. Never on message text,
 * and never copying the error's request details (they hold the signed body).
 */
import type { GatewayFailure } from './failure';

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
