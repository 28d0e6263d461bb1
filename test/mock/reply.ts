/**
 * What every script handler shares: the parameters it reads, the context it runs in, and the reply
 * it gives, written as the gateway's PHP writes answers.
 */
import type { GatewayStore } from './store';
import type { MockGatewayOptions } from './types';

export type Params = Readonly<Record<string, string>>;

/** A gateway code and what to send: a JSON object, or (canned answers only) a raw body. */
export interface Reply {
	code: number | undefined;
	body: Record<string, unknown> | string;
}

export interface ScriptContext {
	store: GatewayStore;
	requestNumber: number;
	options: MockGatewayOptions;
}

/** PHP builds answers from arrays, so an error answer carries only `code` and `message`. */
export const errorReply = (code: number, message: string): Reply => ({ code, body: { code, message } });
export const ok = (rest: Record<string, unknown> = {}): Reply => ({ code: 0, body: { code: 0, message: '', ...rest } });

/** A received parameter, or undefined; never something inherited from Object.prototype. */
export const param = (params: Params, name: string): string | undefined =>
	Object.hasOwn(params, name) ? params[name] : undefined;

const PUBLIC = ['sid', 'appkey', 'timestamp', 'sign'];
export const businessParams = (params: Params): Record<string, string> =>
	Object.fromEntries(Object.entries(params).filter(([key]) => !PUBLIC.includes(key)));

/** A field of a received record as text: numbers as their digits, objects as JSON, absent as ''. */
export const asText = (value: unknown): string =>
	value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** An id a record is kept by (tid, refund_no, goods_id…): non-empty text or a number, as text; else undefined. */
export const idOf = (value: unknown): string | undefined =>
	(typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : undefined;

/** \uXXXX for every UTF-16 unit beyond ASCII (surrogate pairs become two escapes), as PHP's json_encode. */
export const escapeNonAscii = (json: string): string =>
	json.replace(/[\u0080-\uffff]/g, (u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`);
