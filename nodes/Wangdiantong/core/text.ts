/**
 * Text helpers shared by signing, validation and the message limit.
 *
 * The gateway measures lengths with PHP's `iconv_strlen(..., 'UTF-8')`, i.e. in Unicode code
 * points. JavaScript's `string.length` counts UTF-16 units (an emoji outside the BMP is 2), so
 * every length on the wire goes through `codePointLength` instead.
 */

/** Number of Unicode code points in a well-formed string. */
export function codePointLength(text: string): number {
	let count = text.length;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		// A high surrogate followed by a low one is a single code point: count the pair once.
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				count--;
				i++;
			}
		}
	}
	return count;
}

/**
 * Index (in UTF-16 units) of the first lone surrogate, or -1 when the string is well formed.
 * A lone surrogate has no UTF-8 encoding: `URLSearchParams` and `Buffer` silently turn it into
 * U+FFFD, so the gateway would verify a different text than the one we signed.
 */
export function findLoneSurrogate(text: string): number {
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0xd800 || unit > 0xdfff) continue;
		if (unit <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				i++;
				continue;
			}
		}
		return i;
	}
	return -1;
}

/** The first `max` code points of `text`; never splits a surrogate pair. */
export function truncateCodePoints(text: string, max: number): string {
	if (text.length <= max) return text; // fewer units than the limit means fewer code points too
	let units = 0;
	for (let points = 0; points < max && units < text.length; points++) {
		const unit = text.charCodeAt(units);
		const isPair =
			unit >= 0xd800 &&
			unit <= 0xdbff &&
			units + 1 < text.length &&
			(text.charCodeAt(units + 1) & 0xfc00) === 0xdc00;
		units += isPair ? 2 : 1;
	}
	return text.slice(0, units);
}

const VALUE_PREVIEW_CHARS = 40;

/** A short, readable rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing (the field is missing)';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		if (value === '') return 'an empty string';
		const shown = value.length > VALUE_PREVIEW_CHARS ? `${value.slice(0, VALUE_PREVIEW_CHARS)}…` : value;
		return `the text ${JSON.stringify(shown)}`;
	}
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return `the ${typeof value} ${String(value)}`;
	}
	return Array.isArray(value) ? 'an array' : `an ${typeof value}`;
}
