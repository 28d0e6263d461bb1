/**
 * logistics_sync_ack.php: apply a batch of acks. The batch as a whole answers code 0; each record
 * that could not be applied is listed in `errors`: code 0 is not "all accepted" (docs/PROTOCOL.md,
 * "logistics_sync_ack").
 */
import { param } from '../form';
import {
	CODE_OK,
	CODE_PARAM,
	LOGISTICS_LIST_INVALID,
	MESSAGE_TOO_LONG,
	NOT_PENDING,
	RECORD_LOCKED,
	RECORD_NOT_FOUND,
	STATUS_INVALID,
	missingParam,
} from '../messages';
import { parseJsonIntegersAsText } from '../rawJson';
import { errorReply, type Reply } from '../reply';
import type { ApiContext } from './context';

const MAX_MESSAGE_CODE_POINTS = 255;

interface RecordError {
	rec_id: string;
	error: string;
}

/** Integer literals arrive as their digits (rawJson.ts); other primitives as their text. */
function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty JSON array of objects, or undefined when the text is anything else. */
function parseList(text: string): Record<string, unknown>[] | undefined {
	let parsed: unknown;
	try {
		parsed = parseJsonIntegersAsText(text);
	} catch {
		return undefined;
	}
	if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isRecordObject)) {
		return undefined;
	}
	return parsed;
}

export function logisticsSyncAck(params: Readonly<Record<string, string>>, ctx: ApiContext): Reply {
	const text = param(params, 'logistics_list');
	if (!text) return errorReply(CODE_PARAM, missingParam('logistics_list'));
	const list = parseList(text);
	if (list === undefined) return errorReply(CODE_PARAM, LOGISTICS_LIST_INVALID);

	const errors: RecordError[] = [];
	for (const item of list) {
		const recId = asText(item.rec_id);
		const status = asText(item.status);
		const message = asText(item.message);
		const state = ctx.store.state(recId);
		let error: string | undefined;
		if (state === 'unknown') error = RECORD_NOT_FOUND;
		else if (state === 'done') error = NOT_PENDING;
		else if (state === 'locked') error = RECORD_LOCKED;
		else if (status !== '0' && status !== '1') error = STATUS_INVALID;
		else if (Array.from(message).length > MAX_MESSAGE_CODE_POINTS) error = MESSAGE_TOO_LONG;
		if (error !== undefined) {
			errors.push({ rec_id: recId, error });
			continue;
		}
		ctx.store.accept(recId, status === '0' ? 0 : 1, message, ctx.requestNumber);
	}
	// Some gateways leave `errors` out when all succeeded; clients must treat absent as empty.
	const body = errors.length === 0 && ctx.omitEmptyErrors ? {} : { errors };
	return { code: CODE_OK, body: { code: CODE_OK, message: '', ...body } };
}
