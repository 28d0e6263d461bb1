/**
 * The record id (`rec_id`) in every place it appears. Ids are strings of digits that may exceed
 * 2^53, so they never pass through a JS number (docs/PROTOCOL.md, "Big ids"). Three readers, one
 * per source, because the sources really differ:
 * - `recIdFromInput`: what a user's item carries. Strict, with a reason naming the bad value: a
 *   guess here would acknowledge the wrong record.
 * - `recIdInAnswer`: what the gateway wrote in an answer (the lossless parser keeps big ids as
 *   text; small ones may arrive as numbers). Either form, kept as sent.
 * - `recIdKey`: the form two ids are compared in. The gateway's PHP reads ids as integers, so
 *   `"00123"` comes back as `"123"` in its per-record errors.
 */
import { describeValue } from './text';

const DIGITS = /^[0-9]+$/;

/** `query`: the script the id comes from, named in the errors ("logistics_sync_query"). */
export function recIdFromInput(value: unknown, query = 'logistics_sync_query'): { recId: string } | { error: string } {
	// `describeValue` only on the error paths: formatting every valid record's id would be waste.
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value <= 0) {
			return { error: `rec_id must be a positive whole number, got ${describeValue(value)}` };
		}
		if (!Number.isSafeInteger(value)) {
			return {
				error: `rec_id ${describeValue(value)} is beyond 2^53 and may already have been rounded: pass rec_id as text, exactly as ${query} returned it`,
			};
		}
		return { recId: String(value) };
	}
	if (typeof value === 'bigint') {
		return value > 0n ? { recId: value.toString() } : { error: `rec_id must be positive, got ${describeValue(value)}` };
	}
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (!DIGITS.test(trimmed)) {
			return {
				error: `rec_id must be a string of digits (the rec_id from ${query}), got ${describeValue(value)}`,
			};
		}
		if (/^0+$/.test(trimmed)) return { error: `rec_id must be positive, got ${describeValue(value)}` };
		return { recId: trimmed };
	}
	return { error: `rec_id must be a number or a string of digits, got ${describeValue(value)}` };
}

/**
 * An id the gateway wrote: digits as text (trimmed), or a safe integer. `positive` refuses a
 * numeric 0 — a pending record must be one that can be acknowledged, while a per-record error
 * may name record 0 (the credential test acknowledges it on purpose).
 */
export function recIdInAnswer(value: unknown, { positive }: { positive: boolean }): string | undefined {
	if (typeof value === 'string' && DIGITS.test(value.trim())) return value.trim();
	if (typeof value === 'number' && Number.isSafeInteger(value) && (positive ? value > 0 : value >= 0)) return String(value);
	return undefined;
}

export function recIdKey(recId: string): string {
	const stripped = recId.replace(/^0+/, '');
	return stripped === '' ? '0' : stripped;
}
