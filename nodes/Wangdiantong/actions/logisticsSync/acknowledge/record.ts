/**
 * One logistics_sync_ack record, validated from whatever an n8n item carried.
 *
 * Nothing half-formed is ever sent: a value that is not clearly a record id, a status or a message
 * is refused with a reason naming the field and the value it got.
 */
import { MESSAGE_MAX_CODE_POINTS } from '../../../core/limits';
import { recIdFromInput } from '../../../core/recId';
import { describeValue, findLoneSurrogate, truncateCodePoints } from '../../../core/text';

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

export function validateAckRecord(recId: unknown, status: unknown, message: unknown): RecordValidation {
	const id = recIdFromInput(recId);
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
