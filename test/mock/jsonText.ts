/**
 * JSON text as the gateway's PHP reads it: json_decode on a 64-bit build keeps integers exact, so
 * integer literals outside strings are quoted before parsing, where a double would round them. A
 * regex does it, unlike the client's scanner in core/json.ts.
 *
 * `all` quotes every integer (the ack lists, whose ids and values the mock compares as text);
 * `unsafe` only those beyond 2^53 (the push lists, kept as sent so that tests can read them back).
 */
const TOKEN = /"(?:[^"\\]|\\[\s\S])*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export function decodeJson(text: string, quote: 'all' | 'unsafe'): { ok: true; value: unknown } | { ok: false } {
	const quoted = (t: string): boolean => /^-?\d+$/.test(t) && (quote === 'all' || !Number.isSafeInteger(Number(t)));
	try {
		return { ok: true, value: JSON.parse(text.replace(TOKEN, (t) => (quoted(t) ? `"${t}"` : t))) };
	} catch {
		return { ok: false };
	}
}

/** A JSON object (not an array, not null), as PHP's associative arrays come out of json_decode. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
