/**
 * Seeded items whose rec_id / status / message are values of every JSON type and every nasty
 * shape, and an independent reading of which field, if any, makes an item unsendable.
 */
import type { IDataObject } from 'n8n-workflow';

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

export type Field = 'rec_id' | 'status' | 'message';

function isLoneSurrogateFree(text: string): boolean {
	// A well-formed string survives a round trip through UTF-8 unchanged.
	return Buffer.from(text, 'utf8').toString('utf8') === text;
}

const STATUS_WORDS = new Set(['0', '1', 'true', 'false', 'success', 'succeeded', 'failure', 'failed', '成功', '失败']);

/** Which field the node must refuse, read independently of the node's own code (undefined: sendable). */
export function invalidField(recId: unknown, status: unknown, message: unknown): Field | undefined {
	const recIdOk =
		(typeof recId === 'number' && Number.isSafeInteger(recId) && recId > 0) ||
		(typeof recId === 'string' && /^[0-9]+$/.test(recId.trim()) && /[1-9]/.test(recId));
	if (!recIdOk) return 'rec_id';
	const statusOk =
		status === 0 || status === 1 || typeof status === 'boolean' || (typeof status === 'string' && STATUS_WORDS.has(status.trim().toLowerCase()));
	if (!statusOk) return 'status';
	const messageOk =
		message === undefined ||
		message === null ||
		typeof message === 'boolean' ||
		(typeof message === 'number' && Number.isFinite(message)) ||
		(typeof message === 'string' && isLoneSurrogateFree(message));
	return messageOk ? undefined : 'message';
}

/** The status the node must send for a sendable value. */
export function statusOf(status: unknown): 0 | 1 {
	if (status === 0 || status === true) return 0;
	if (status === 1 || status === false) return 1;
	const word = String(status).trim().toLowerCase();
	return ['0', 'true', 'success', 'succeeded', '成功'].includes(word) ? 0 : 1;
}

/** The message the node must send for a sendable value: text cut to 255 code points, or none. */
export function messageOf(message: unknown): string | undefined {
	if (message === undefined || message === null || message === '') return undefined;
	return Array.from(String(message)).slice(0, 255).join('');
}

export interface BadItem {
	json: IDataObject;
	recId: unknown;
	status: unknown;
	message: unknown;
}

function put(json: IDataObject, key: string, value: unknown): void {
	if (value !== undefined) json[key] = value as IDataObject[string];
}

/**
 * `count` items; about a third carry a real pending rec_id (sometimes dressed in spaces or leading
 * zeros), with a valid status half of the time, so that both outputs and the gateway are exercised.
 */
export function badItems(rng: Rng, count: number, pendingIds: readonly string[]): BadItem[] {
	const pool = rng.shuffle(pendingIds);
	return Array.from({ length: count }, (_, i) => {
		let recId: unknown = rng.pick(HOSTILE);
		if (rng.chance(0.35) && pool.length > 0) {
			const id = pool.pop() ?? '1';
			recId = rng.pick([id, ` ${id}`, `00${id}`, Number(id), `${id}\n`]);
		}
		const status: unknown = rng.chance(0.5) ? rng.pick([0, 1, true, false, '0', ' 1 ', 'success', 'Failed', '成功']) : rng.pick(HOSTILE);
		const message: unknown = rng.pick(HOSTILE);
		const json: IDataObject = { n: i };
		put(json, 'rec_id', recId);
		put(json, 'status', status);
		put(json, 'message', message);
		return { json, recId, status, message };
	});
}
