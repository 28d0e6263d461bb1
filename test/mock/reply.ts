/**
 * The gateway's JSON answers. PHP builds them from arrays, so an error answer carries only `code`
 * and `message`; the shape knobs produce the variants clients meet in the wild.
 */
import { bareRecIds } from './rawJson';
import type { MockGatewayOptions } from './types';

export type ReplyBody = { code: number; message: string } & Record<string, unknown>;

/** What processing a request produced: the gateway code and the JSON object to send. */
export interface Reply {
	code: number;
	body: ReplyBody;
}

export function errorReply(code: number, message: string): Reply {
	return { code, body: { code, message } };
}

export type ShapeOptions = Pick<
	MockGatewayOptions,
	'codeAsString' | 'errorsRecIdAsNumber' | 'recIdAsNumber' | 'escapeUnicode'
>;

/** \uXXXX for every UTF-16 unit beyond ASCII (surrogate pairs become two escapes, as in PHP). */
function escapeNonAscii(json: string): string {
	return json.replace(/[\u0080-\uffff]/g, (unit) => {
		return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
	});
}

export function serialise(reply: Reply, shape: ShapeOptions): string {
	const body = shape.codeAsString ? { ...reply.body, code: String(reply.body.code) } : reply.body;
	let json = JSON.stringify(body);
	// The pattern only matches unescaped keys, so text inside a message is never touched.
	const numericIds =
		(shape.recIdAsNumber && Array.isArray(reply.body.trades)) ||
		(shape.errorsRecIdAsNumber && Array.isArray(reply.body.errors));
	if (numericIds) json = bareRecIds(json);
	if (shape.escapeUnicode) json = escapeNonAscii(json);
	return json;
}
