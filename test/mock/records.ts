/**
 * Realistic logistics records for the pool. Deterministic per rec_id (a tiny hash drives the
 * choices), so a seeded gateway looks the same on every run and tests can rely on it.
 *
 * Field types vary on purpose, as they do on the wire: ids are strings of digits, while
 * `is_part_sync`, `logistics_type` and `platform_id` are numbers.
 */
import type { LogisticsRecord, RecordInput } from './types';

interface Carrier {
	name: string;
	type: number;
	codeErp: string;
	prefix: string;
}

const CARRIERS: readonly Carrier[] = [
	{ name: '顺丰速运', type: 1, codeErp: 'SF', prefix: 'SF' },
	{ name: '中通快递', type: 3, codeErp: 'ZTO', prefix: '7' },
	{ name: '圆通速递', type: 4, codeErp: 'YTO', prefix: 'YT' },
	{ name: '韵达快递', type: 5, codeErp: 'YUNDA', prefix: '4' },
	{ name: '申通快递', type: 6, codeErp: 'STO', prefix: '77' },
	{ name: '京东物流', type: 8, codeErp: 'JD', prefix: 'JDV' },
	{ name: '中国邮政EMS', type: 9, codeErp: 'EMS', prefix: 'E' },
];

/** FNV-1a over the text: a stable source of "random" digits per record. */
function hash(text: string, salt: number): number {
	let h = 0x811c9dc5 ^ salt;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

function digits(seed: string, salt: number, count: number): string {
	let out = '';
	for (let round = 0; out.length < count; round++) out += String(hash(seed, salt + round));
	return out.slice(0, count);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(ms: number): string {
	const d = new Date(ms + 8 * 3600 * 1000);
	return (
		`${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
		`${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
	);
}

/** A rec_id written canonically: digits only, no leading zeros; undefined if not an id at all. */
export function canonicalRecId(raw: string | number | bigint): string | undefined {
	const text = typeof raw === 'string' ? raw.trim() : raw.toString();
	if (!/^\d+$/.test(text)) return undefined;
	return text.replace(/^0+(?=\d)/, '');
}

/** Numeric order of canonical digit strings without going through a JS number. */
export function compareRecIds(a: string, b: string): number {
	if (a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A full record for `recId`, with any fields of `input` taking precedence. */
export function makeRecord(
	recId: string,
	shopNo: string,
	nowMs: number,
	input: RecordInput = {},
): LogisticsRecord {
	const carrier = CARRIERS[hash(recId, 1) % CARRIERS.length];
	const tid = digits(recId, 2, 18);
	const subOrders = 1 + (hash(recId, 3) % 3);
	const oids = Array.from({ length: subOrders }, (_, i) => `${tid}${i + 1}`).join(',');
	// The id given separately (recId, already normalised to digits) wins over input.rec_id.
	const fields: Omit<RecordInput, 'rec_id'> = Object.fromEntries(
		Object.entries(input).filter(([key]) => key !== 'rec_id'),
	);
	return {
		rec_id: recId,
		shop_no: shopNo,
		tid,
		oids,
		is_part_sync: 0,
		logistics_no: carrier.prefix + digits(recId, 4, 12),
		logistics_type: carrier.type,
		logistics_name: carrier.name,
		logistics_code_erp: carrier.codeErp,
		// Shipped some time in the last six hours.
		consign_time: beijingTime(nowMs - (hash(recId, 5) % (6 * 3600)) * 1000),
		platform_id: 1,
		trade_id: digits(recId, 6, 9).replace(/^0/, '1'),
		...fields,
	};
}
