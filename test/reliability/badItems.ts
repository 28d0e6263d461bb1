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

/**
 * A field of a pushed record that the bad-input suite varies, with what the node takes for its
 * kind (as the push operations state it): text, a string or a finite number; an amount, a finite
 * number or decimal digits as text; a code, one of `codes` as a number or digits as text; an
 * integer, a whole number or digits as text; lines, a non-empty list of objects whose `lineFields`
 * pass. Missing (absent, null or '') is refused when required, skipped otherwise.
 */
export interface PushField {
	field: string;
	kind: 'text' | 'amount' | 'code' | 'integer' | 'lines';
	required?: boolean;
	/** Required, yet '' is taken as text (an order's buyer_nick). */
	emptyAllowed?: boolean;
	/** A field of the record's first line (`order_list[0]`): the node names `order_list` for it. */
	inLine?: boolean;
	codes?: readonly number[];
	lineFields?: readonly PushField[];
	/** Values drawn half of the time (else HOSTILE). */
	usable: readonly unknown[];
}

export interface PushInputRules {
	/** In the order the node checks them: the first that fails is the one it names. */
	fields: readonly PushField[];
	/** The field the node names for a record pushed twice in a run. */
	idField: string;
	/** A sendable record's identity, as the node compares them: once per run. */
	key(element: IDataObject): string;
	/** What the output object says was sent. */
	output(element: IDataObject): IDataObject;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const WHOLE_TEXT = /^-?\d+$/;

/** Whether the node takes `value` for `field` (a missing one: only when optional). */
function pushValueUsable(field: PushField, value: unknown): boolean {
	if (value === undefined || value === null || value === '') return field.required !== true || (field.emptyAllowed === true && value === '');
	// Spaces in a text field name nothing: missing, unless the field may be empty.
	if (field.kind === 'text' && typeof value === 'string' && value.trim() === '') return field.required !== true || field.emptyAllowed === true;
	switch (field.kind) {
		case 'text':
			return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
		case 'amount':
			return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL_TEXT.test(value.trim()));
		case 'integer':
			return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && WHOLE_TEXT.test(value.trim()));
		case 'code': {
			const code = typeof value === 'number' ? value : typeof value === 'string' && WHOLE_TEXT.test(value.trim()) ? Number(value) : NaN;
			return (field.codes ?? []).some((allowed) => allowed === code);
		}
		case 'lines':
			return (
				Array.isArray(value) &&
				value.length > 0 &&
				value.every(
					(line) =>
						line !== null && typeof line === 'object' && !Array.isArray(line) &&
						(field.lineFields ?? []).every((lineField) => pushValueUsable(lineField, (line as Record<string, unknown>)[lineField.field])),
				)
			);
	}
}

const firstLine = (record: Readonly<Record<string, unknown>>): Record<string, unknown> => {
	const lines = record.order_list;
	const line: unknown = Array.isArray(lines) ? lines[0] : undefined;
	return line !== null && typeof line === 'object' ? (line as Record<string, unknown>) : {};
};

/** A varied field's value in a record (an item, or an element as sent). */
const valueIn = (field: PushField, record: Readonly<Record<string, unknown>>): unknown => (field.inLine ? firstLine(record) : record)[field.field];

/** The first varied field of `record` the node must refuse, as the node names it, if any. */
export function pushInvalidField(rules: PushInputRules, record: Readonly<Record<string, unknown>>): string | undefined {
	const field = rules.fields.find((candidate) => !pushValueUsable(candidate, valueIn(candidate, record)));
	return field === undefined ? undefined : field.inLine ? 'order_list' : field.field;
}

/** An id as the push operations compare it: text or a number, trimmed; else empty. */
export const pushId = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/**
 * `count` records from `base` (valid ones the gateway accepts), each varied field replaced by a
 * usable value half of the time and by a HOSTILE one otherwise (`undefined`: the key removed).
 */
export function badPushItems(rng: Rng, base: readonly IDataObject[], rules: PushInputRules): BadItem[] {
	return base.map((record, i) => {
		const values: Record<string, unknown> = {};
		const json: IDataObject = { ...record, n: i };
		for (const field of rules.fields) {
			const value: unknown = rng.pick(rng.chance(0.5) ? field.usable : HOSTILE);
			values[field.field] = value;
			const target = field.inLine ? { ...firstLine(json) } : json;
			if (value === undefined) delete target[field.field];
			else target[field.field] = value;
			if (field.inLine) json.order_list = [target as IDataObject, ...(json.order_list as IDataObject[]).slice(1)];
		}
		return { json, values };
	});
}

/** Refund → Push: refund_no (its id), type and its lines vary; tid stays an order the gateway holds. */
export const REFUND_PUSH_INPUT: PushInputRules = {
	fields: [
		{ field: 'refund_no', kind: 'text', required: true, usable: ['R-a', 'R-b', 42, ' R-a ', '0042', '退款-1'] },
		{ field: 'type', kind: 'integer', required: true, usable: [1, 2, '3', ' 2 ', -1, '0007'] },
		// refund_time is not varied: which texts and numbers read as a date-time is the date parser's own
		// long rule (its tests cover it); a wrong guess here would test the guess.
		{
			field: 'order_list',
			kind: 'lines',
			required: true,
			lineFields: [
				{ field: 'oid', kind: 'text', required: true, usable: [] },
				{ field: 'num', kind: 'amount', required: true, usable: [] },
			],
			usable: [
				[{ oid: 'o1', num: 1 }],
				[{ oid: 'o1', num: '2' }, { oid: 7, num: 1.5 }],
				[{ oid: 'o1' }],
				[{ num: 1 }],
				[{ oid: 'o1', num: 'x' }],
				[{ oid: { id: 1 }, num: 1 }],
				[{ oid: 'o1', num: 1 }, null],
			],
		},
	],
	idField: 'refund_no',
	key: (element) => pushId(element.refund_no),
	output: (element) => ({ refundNo: pushId(element.refund_no) }),
};

/** Goods Spec → Push: goods_id, spec_no, status and price vary; spec_id stays one of its own per row. */
export const GOODS_PUSH_INPUT: PushInputRules = {
	fields: [
		{ field: 'goods_id', kind: 'text', required: true, usable: ['G-a', 42, ' G-b ', '0007', '茶杯-1'] },
		{ field: 'spec_no', kind: 'text', required: true, usable: ['SN-1', 7, ' 平 ', 'SN 2'] },
		{ field: 'status', kind: 'code', required: true, codes: [0, 1, 2], usable: [0, 1, 2, '1', ' 2 ', '0', '002'] },
		{ field: 'price', kind: 'amount', usable: [19.9, '19.90', ' 5 ', 0, -1, '100', null] },
	],
	idField: 'goods_id',
	key: (element) => `${pushId(element.goods_id)}/${pushId(element.spec_id)}`,
	output: (element) => ({ goodsId: pushId(element.goods_id), specId: pushId(element.spec_id) }),
};

/**
 * Trade → Push: the id, a required code, two required texts (buyer_nick may be '') and a required
 * text of the first line vary. Amounts and delivery_term stay as the fixture's: they decide the
 * gateway's refusals (paid against the receivable, cash on delivery), which send the rest again.
 */
export const TRADE_PUSH_INPUT: PushInputRules = {
	fields: [
		{ field: 'tid', kind: 'text', required: true, usable: ['T-a', 'T-b', 42, ' T-a ', '0042', '订单-1'] },
		{ field: 'trade_status', kind: 'code', required: true, codes: [10, 20, 30, 40, 50, 60, 70, 80, 90], usable: [10, 30, '30', ' 50 ', '090', 80] },
		{ field: 'buyer_nick', kind: 'text', required: true, emptyAllowed: true, usable: ['小王', '', 7, ' a '] },
		{ field: 'receiver_name', kind: 'text', required: true, usable: ['王小二', 0, ' 李 ', 'x'] },
		{ field: 'goods_name', kind: 'text', required: true, inLine: true, usable: ['茶杯', 12, ' 碗 ', 'a&b=c'] },
	],
	idField: 'tid',
	key: (element) => pushId(element.tid),
	output: (element) => ({ tid: pushId(element.tid) }),
};
