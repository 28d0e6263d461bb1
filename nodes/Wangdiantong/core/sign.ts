/**
 * openapi2 request signature (docs/PROTOCOL.md, "Signature").
 *
 * Every parameter that is sent, except `sign`, sorted byte-wise by key, each packed as
 * `LL-key:VVVV-value` (lengths in code points, zero-padded to a *minimum* width), joined with `;`,
 * followed directly by the app secret; the sign is the lowercase hex MD5 of the UTF-8 bytes.
 */
import { createHash } from 'crypto';

import { codePointLength, findLoneSurrogate } from './text';

export type SignableParams = Readonly<Record<string, string>>;

export class UnsignableValueError extends Error {
	readonly code = 'WDT_UNSIGNABLE_VALUE';

	constructor(readonly key: string) {
		super(
			`Parameter "${key}" contains a lone UTF-16 surrogate, which has no UTF-8 form; ` +
				'the gateway would verify a different text than the one signed',
		);
		this.name = 'UnsignableValueError';
	}
}

/** Byte-wise order of ASCII keys: digits < A–Z < `_` < a–z, and a prefix before its extensions. */
function compareKeys(a: string, b: string): number {
	// The keys are ASCII, where UTF-16 order equals byte order; localeCompare would not be.
	return a < b ? -1 : a > b ? 1 : 0;
}

function padLength(length: number, width: number): string {
	// A minimum width: a value of 11201 code points is written 11201, never cut to 4 digits.
	return String(length).padStart(width, '0');
}

/** The text that is hashed, without the secret. Exposed for tests and for debugging signs. */
export function packForSigning(params: SignableParams): string {
	const keys = Object.keys(params)
		.filter((key) => key !== 'sign')
		.sort(compareKeys);
	const pieces: string[] = [];
	for (const key of keys) {
		const value = params[key];
		if (findLoneSurrogate(key) !== -1) throw new UnsignableValueError(key);
		if (findLoneSurrogate(value) !== -1) throw new UnsignableValueError(key);
		pieces.push(
			`${padLength(codePointLength(key), 2)}-${key}:${padLength(codePointLength(value), 4)}-${value}`,
		);
	}
	return pieces.join(';');
}

/** The `sign` parameter for `params` (which must not yet hold `sign`, or it is ignored). */
export function computeSign(params: SignableParams, appSecret: string): string {
	return createHash('md5')
		.update(packForSigning(params) + appSecret, 'utf8')
		.digest('hex');
}
