/**
 * Seeded items whose fields (rec_id and the operation's own: status / message, sync_stock /
 * stock_change_count) are values of every JSON type and every nasty shape, and for each operation
 * an independent reading of which field, if any, makes an item unsendable, what is sent
 * otherwise, and which sent records the gateway refuses.
 */
import type { IDataObject } from 'n8n-workflow';

import { RECORD_NOT_FOUND, STOCK_RECORD_NOT_FOUND, STOCK_VALUE_INVALID } from '../mock/messages';
import type { Rng } from './prng';

export const HUGE = 100_000;

/** Hostile values of every kind; `undefined` means the key is missing from the item. */
export const HOSTILE: readonly unknown[] = [
	// strings of digits, oddly dressed
	'0', '000', '0000123', ' 42 ', '\t17\n', '\ufeff99', '1 2', '+5', '-5', '1.0', '1e3', '0x1F', '1_000',
	'１２３', '١٢٣', '1️⃣', '9'.repeat(HUGE), '18446744073709551617',
	// huge and broken text
	'x'.repeat(HUGE), '平'.repeat(HUGE), '📦'.repeat(HUGE / 2), '\ud800', 'abc\udfff', '123\ud83d', '\udc00123',
	// control and invisible characters
	'\u0000', '12\u00003', '\u0007\u001b[31m', '\u202e321', 'line\nbreak', 'tab\there', '\u2028', ' ', '',
	// NaN-like and keyword-like strings
	'NaN', 'Infinity', '-Infinity', 'undefined', 'null', 'true', 'false', 'success', 'FAILED', ' 成功 ', '失败',
	'={{ $json }}', '{{ 1 + 1 }}', '<script>alert(1)</script>', "'; DROP TABLE t; --", '&sign=deadbeef&a=b#c',
	// numbers
	0, 1, -1, 2, 1.5, -0, 0.1 + 0.2, 2 ** 53, 2 ** 53 + 2, 1e21, 1e300, Number.MAX_SAFE_INTEGER, 5e-324, -1e21,
	// other JSON types
	true, false, null, undefined, [], [1], ['123'], [[]], {}, { rec_id: '1' }, { toString: '1' }, { value: { deep: [1, { x: null }] } },
	// emoji and other scripts
	'📦', '👨‍👩‍👧‍👦', '🇨🇳', '平台返回错误', 'é', 'e\u0301',
];

function isLoneSurrogateFree(text: string): boolean {
	// A well-formed string survives a round trip through UTF-8 unchanged.
	return Buffer.from(text, 'utf8').toString('utf8') === text;
}

/** What the node must make of one item's values, read independently of the node's own code. */
export type Reading =
	| { invalid: string }
	/** `element`: what it sends; `output`: what the output object says was sent. */
	| { element: IDataObject; output: IDataObject };

export interface InputRules {
	/** Values of each field but rec_id that the node takes, drawn half of the time (else HOSTILE). */
	usable: Readonly<Record<string, readonly unknown[]>>;
	read(values: Readonly<Record<string, unknown>>): Reading;
	/** The gateway's refusal of a sent element (`known`: the canonical ids it holds), if any. */
	refusal(element: IDataObject, known: ReadonlySet<string>): string | undefined;
}

/** The rec_id the node must send, or undefined when it must refuse the value. */
function recIdOf(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	return typeof value === 'string' && /^[0-9]+$/.test(value.trim()) && /[1-9]/.test(value) ? value.trim() : undefined;
}

const unknownId = (element: IDataObject, known: ReadonlySet<string>) => !known.has(String(element.rec_id).replace(/^0+/, ''));

const STATUS_WORDS = new Set(['0', '1', 'true', 'false', 'success', 'succeeded', 'failure', 'failed', '成功', '失败']);

/** The status the node must send for a usable value. */
function statusOf(status: unknown): 0 | 1 | undefined {
	if (status === 0 || status === true) return 0;
	if (status === 1 || status === false) return 1;
	if (typeof status !== 'string' || !STATUS_WORDS.has(status.trim().toLowerCase())) return undefined;
	return ['0', 'true', 'success', 'succeeded', '成功'].includes(status.trim().toLowerCase()) ? 0 : 1;
}

export const LOGISTICS_INPUT: InputRules = {
	usable: { status: [0, 1, true, false, '0', ' 1 ', 'success', 'Failed', '成功'], message: HOSTILE },
	read: ({ rec_id, status, message }) => {
		const recId = recIdOf(rec_id);
		if (recId === undefined) return { invalid: 'rec_id' };
		const sentStatus = statusOf(status);
		if (sentStatus === undefined) return { invalid: 'status' };
		const usable =
			message === undefined ||
			message === null ||
			typeof message === 'boolean' ||
			(typeof message === 'number' && Number.isFinite(message)) ||
			(typeof message === 'string' && isLoneSurrogateFree(message));
		if (!usable) return { invalid: 'message' };
		// Text cut to 255 code points, or no message at all.
		const text = message === undefined || message === null || message === '' ? undefined : String(message);
		const sent = text === undefined ? undefined : Array.from(text).slice(0, 255).join('');
		const element = { rec_id: recId, status: sentStatus, ...(sent === undefined ? {} : { message: sent }) };
		const output = { recId, status: sentStatus, ...(sent === undefined ? {} : { message: sent }), ...(sent !== text ? { messageTruncated: true } : {}) };
		return { element, output };
	},
	refusal: (element, known) => (unknownId(element, known) ? RECORD_NOT_FOUND : undefined),
};

/** A stock value the node echoes: a number as it is, digits as text trimmed; else undefined. */
function echoed(value: unknown, text: RegExp, usable: (n: number) => boolean): number | string | undefined {
	if (typeof value === 'number') return usable(value) ? value : undefined;
	return typeof value === 'string' && text.test(value.trim()) ? value.trim() : undefined;
}

/** What the gateway reads as an integer: digits, bare or quoted, within 2^53 (so not 5.0, 1e3, 1.5). */
const gatewayInteger = (value: unknown) => /^-?\d+$/.test(String(value)) && Number.isSafeInteger(Number(value));

export const STOCK_INPUT: InputRules = {
	usable: {
		sync_stock: [0, 7, 120, -4, '35', ' 12 ', '-4', '0007', 1.5, '2.50'],
		stock_change_count: [1, 2, 5, '3', ' 4 ', '0007'],
	},
	read: ({ rec_id, sync_stock, stock_change_count }) => {
		const recId = recIdOf(rec_id);
		if (recId === undefined) return { invalid: 'rec_id' };
		const syncStock = echoed(sync_stock, /^-?\d+(\.\d+)?$/, Number.isFinite);
		if (syncStock === undefined) return { invalid: 'sync_stock' };
		const count = echoed(stock_change_count, /^\d+$/, (n) => Number.isSafeInteger(n) && n >= 0);
		if (count === undefined) return { invalid: 'stock_change_count' };
		const element = { rec_id: recId, sync_stock: syncStock, stock_change_count: count };
		return { element, output: { recId, syncStock, stockChangeCount: count } };
	},
	refusal: (element, known) =>
		unknownId(element, known) ? STOCK_RECORD_NOT_FOUND
		: gatewayInteger(element.sync_stock) && gatewayInteger(element.stock_change_count) ? undefined
		: STOCK_VALUE_INVALID,
};

export interface BadItem {
	json: IDataObject;
	/** The values of the operation's fields, `undefined` where the item has no such key. */
	values: Record<string, unknown>;
}

/**
 * `count` items; about a third carry a real pending rec_id (sometimes dressed in spaces or leading
 * zeros), each other field usable half of the time, so that both outputs and the gateway are exercised.
 */
export function badItems(rng: Rng, count: number, pendingIds: readonly string[], rules: InputRules): BadItem[] {
	const pool = rng.shuffle(pendingIds);
	return Array.from({ length: count }, (_, i) => {
		let recId: unknown = rng.pick(HOSTILE);
		if (rng.chance(0.35) && pool.length > 0) {
			const id = pool.pop() ?? '1';
			recId = rng.pick([id, ` ${id}`, `00${id}`, Number(id), `${id}\n`]);
		}
		const values: Record<string, unknown> = { rec_id: recId };
		for (const [field, usable] of Object.entries(rules.usable)) values[field] = rng.pick(rng.chance(0.5) ? usable : HOSTILE);
		const json: IDataObject = { n: i };
		for (const [field, value] of Object.entries(values)) if (value !== undefined) json[field] = value as IDataObject[string];
		return { json, values };
	});
}
