/**
 * Building a signed openapi2 request body (docs/PROTOCOL.md, "Request" and "Timestamp").
 *
 * All parameters travel in an `application/x-www-form-urlencoded` body, never in the query string
 * (the gateway signs query parameters too, so a stray one breaks the sign). The body is returned as
 * a finished string so that no HTTP library re-encodes it: what is signed is exactly what is sent.
 */
import { computeSign } from './sign';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

export interface AppCredentials {
	sid: string;
	appKey: string;
	appSecret: string;
}

/** Business parameters; `undefined` and `''` are omitted (an empty value would be signed as `0000-`). */
export type BusinessParams = Readonly<Record<string, string | undefined>>;

/** Parameters the gateway reserves for itself; a business parameter may not shadow them. */
const PUBLIC_KEYS = new Set(['sid', 'appkey', 'timestamp', 'sign']);

/** Unix time in whole seconds as the 10-digit string the gateway expects. */
export function unixTimestamp(nowMs: number): string {
	return String(Math.floor(nowMs / 1000));
}

/** Drops empty optional values and refuses keys that would collide with the public parameters. */
export function businessParamsToSend(params: BusinessParams): Record<string, string> {
	const sent: Record<string, string> = {};
	for (const [key, value] of Object.entries(params)) {
		if (PUBLIC_KEYS.has(key)) {
			throw new Error(`"${key}" is a public parameter and cannot be sent as a business parameter`);
		}
		if (value === undefined || value === '') continue;
		sent[key] = value;
	}
	return sent;
}

/**
 * Every key and value percent-encoded. URLSearchParams encodes `& = + % # ?` and newlines (space as
 * `+`, which PHP decodes back to a space); `encodeURI` would leave `&`, `+` and `#` raw.
 */
export function encodeForm(params: Readonly<Record<string, string>>): string {
	return new URLSearchParams(params).toString();
}

/**
 * The signed, encoded body for one call. A retry must call this again: the timestamp (and so the
 * sign) is fresh for every attempt.
 */
export function buildSignedBody(
	credentials: AppCredentials,
	businessParams: BusinessParams,
	nowMs: number,
): string {
	const params: Record<string, string> = {
		...businessParamsToSend(businessParams),
		sid: credentials.sid,
		appkey: credentials.appKey,
		timestamp: unixTimestamp(nowMs),
	};
	params.sign = computeSign(params, credentials.appSecret);
	return encodeForm(params);
}
