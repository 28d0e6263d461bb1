/**
 * JSON parsing that never rounds an id.
 *
 * The gateway may send `rec_id` (and other ids) as bare numbers beyond 2^53. `JSON.parse` would
 * round them silently, so integer literals too large for a double are quoted before parsing and
 * arrive as strings of digits. Everything else parses exactly as `JSON.parse` does.
 */

const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER); // "9007199254740991", 16 digits

function isUnsafeInteger(digits: string): boolean {
	if (digits.length !== MAX_SAFE_DIGITS.length) return digits.length > MAX_SAFE_DIGITS.length;
	return digits > MAX_SAFE_DIGITS; // same length: string order is numeric order
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;

function isDigit(unit: number): boolean {
	return unit >= 0x30 && unit <= 0x39;
}

/** Quotes integer literals beyond Number.MAX_SAFE_INTEGER; leaves strings and other numbers alone. */
export function quoteUnsafeIntegers(text: string): string {
	let out = '';
	let copiedUpTo = 0;
	let i = 0;
	while (i < text.length) {
		const unit = text.charCodeAt(i);
		if (unit === QUOTE) {
			// Skip a whole string literal, honouring escapes.
			i++;
			while (i < text.length) {
				const inner = text.charCodeAt(i);
				if (inner === BACKSLASH) i += 2;
				else if (inner === QUOTE) break;
				else i++;
			}
			i++;
			continue;
		}
		if (isDigit(unit) || unit === MINUS) {
			const start = i;
			if (unit === MINUS) i++;
			const digitsStart = i;
			while (i < text.length && isDigit(text.charCodeAt(i))) i++;
			const next = text.charCodeAt(i);
			const isInteger = next !== 0x2e && next !== 0x65 && next !== 0x45; // no . e E
			if (isInteger && isUnsafeInteger(text.slice(digitsStart, i))) {
				out += text.slice(copiedUpTo, start) + '"' + text.slice(start, i) + '"';
				copiedUpTo = i;
			}
			// Skip the rest of a non-integer literal so its exponent digits are not re-read.
			while (i < text.length && /[0-9.eE+-]/.test(text[i])) i++;
			continue;
		}
		i++;
	}
	return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** `JSON.parse`, except that integers beyond 2^53 come back as strings of digits. */
export function parseJsonLossless(text: string): unknown {
	return JSON.parse(quoteUnsafeIntegers(text));
}
