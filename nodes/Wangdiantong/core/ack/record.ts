/**
 * One logistics_sync_ack record, validated from whatever an n8n item carried.
 *
 * Nothing half-formed is ever sent: a value that is not clearly a record id, a status or a message
 * is refused with a reason naming the field and the value it got.
 */
import { findLoneSurrogate, truncateCodePoints } from '../text';

/** The ERP shows at most this many characters (code points) of `message` in 物流同步. */
export const MESSAGE_MAX_CODE_POINTS = 255;

export type AckStatus = 0 | 1;

export interface AckRecord {
	/** A string of digits, exactly as received (never through a JS number: ids may exceed 2^53). */
	recId: string;
	/** 0 = synced to the platform, 1 = sync failed. */
	status: AckStatus;
	/** Omitted when empty. Already cut to 255 code points. */
	message?: string;
	/** Whether `message` was cut to fit. */
	messageTruncated: boolean;
}

export type AckField = 'rec_id' | 'status' | 'message';

export type RecordValidation =
	| { ok: true; record: AckRecord }
	| { ok: false; field: AckField; error: string };

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

const DIGITS = /^[0-9]+$/;

function parseRecId(value: unknown): { recId: string } | { error: string } {
	// `describeValue` only on the error paths: formatting every valid record's id would be waste.
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value <= 0) {
			return { error: `rec_id must be a positive whole number, got ${describeValue(value)}` };
		}
		if (!Number.isSafeInteger(value)) {
			return {
				error: `rec_id ${describeValue(value)} is beyond 2^53 and may already have been rounded: pass rec_id as text, exactly as logistics_sync_query returned it`,
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
				error: `rec_id must be a string of digits (the rec_id from logistics_sync_query), got ${describeValue(value)}`,
			};
		}
		if (/^0+$/.test(trimmed)) return { error: `rec_id must be positive, got ${describeValue(value)}` };
		return { recId: trimmed };
	}
	return { error: `rec_id must be a number or a string of digits, got ${describeValue(value)}` };
}

const SUCCESS_WORDS = new Set(['0', 'true', 'success', 'succeeded', '成功']);
const FAILURE_WORDS = new Set(['1', 'false', 'failure', 'failed', '失败']);

function parseStatus(value: unknown): { status: AckStatus } | { error: string } {
	// `true` reads as "the sync succeeded", which the ERP spells 0.
	if (value === 0 || value === true) return { status: 0 };
	if (value === 1 || value === false) return { status: 1 };
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (SUCCESS_WORDS.has(word)) return { status: 0 };
		if (FAILURE_WORDS.has(word)) return { status: 1 };
	}
	return {
		error: `status must be 0 (synced) or 1 (sync failed) — also accepted: true/false, "success"/"failure", "成功"/"失败" — got ${describeValue(value)}`,
	};
}

function parseMessage(value: unknown): { message?: string; truncated: boolean } | { error: string } {
	if (value === undefined || value === null || value === '') return { truncated: false };
	let text: string;
	if (typeof value === 'string') text = value;
	else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
		text = String(value);
	} else {
		return { error: `message must be text, got ${describeValue(value)}` };
	}
	const surrogateAt = findLoneSurrogate(text);
	if (surrogateAt !== -1) {
		return {
			error: `message contains a broken character (a lone UTF-16 surrogate at position ${surrogateAt}) that cannot be sent as UTF-8`,
		};
	}
	const message = truncateCodePoints(text, MESSAGE_MAX_CODE_POINTS);
	return { message, truncated: message.length !== text.length };
}

/**
 * The form under which a rec_id is compared with the ids in the gateway's `errors`: the gateway's
 * PHP reads ids as integers, so `"00123"` comes back as `"123"`.
 */
export function recIdKey(recId: string): string {
	const stripped = recId.replace(/^0+/, '');
	return stripped === '' ? '0' : stripped;
}

export function validateAckRecord(recId: unknown, status: unknown, message: unknown): RecordValidation {
	const id = parseRecId(recId);
	if ('error' in id) return { ok: false, field: 'rec_id', error: id.error };
	const state = parseStatus(status);
	if ('error' in state) return { ok: false, field: 'status', error: state.error };
	const text = parseMessage(message);
	if ('error' in text) return { ok: false, field: 'message', error: text.error };
	return {
		ok: true,
		record: {
			recId: id.recId,
			status: state.status,
			...(text.message === undefined ? {} : { message: text.message }),
			messageTruncated: text.truncated,
		},
	};
}
