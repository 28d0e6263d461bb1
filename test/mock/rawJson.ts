/**
 * Parsing a client's JSON text without ever rounding an integer.
 *
 * PHP's json_decode keeps big integers exact on a 64-bit gateway; JSON.parse would round anything
 * beyond 2^53. So every integer literal outside a string is quoted first and arrives as its exact
 * digits: `{"rec_id":12345678901234567890,"status":0}` parses as
 * `{ rec_id: '12345678901234567890', status: '0' }`. Fractions and exponents stay numbers.
 * (A regex tokenizer, deliberately unlike the client's character scanner in core/json.ts.)
 */

/** A string literal (escapes included), or a number literal; anything else is left as is. */
const TOKEN = /"(?:[^"\\]|\\[\s\S])*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const INTEGER = /^-?\d+$/;

export function parseJsonIntegersAsText(text: string): unknown {
	const quoted = text.replace(TOKEN, (token) => (INTEGER.test(token) ? `"${token}"` : token));
	return JSON.parse(quoted);
}

/** Writes `"rec_id":"<digits>"` as a bare number literal, digit for digit (never via a number). */
export function bareRecIds(json: string): string {
	return json.replace(/"rec_id":"(\d+)"/g, '"rec_id":$1');
}
