/**
 * One api_goods_stock_change_ack record, validated from whatever an n8n item carried.
 *
 * The ERP clears a change only when the acknowledgement echoes the `sync_stock` and
 * `stock_change_count` that Get Changes returned (docs/PROTOCOL.md, "Stock sync"), so both are
 * kept exactly as they came — a number stays that number, a text that text — and only checked to
 * be what the query returns: a number, and a whole-number counter.
 */
import { recIdFromInput } from '../../../core/recId';
import { describeValue } from '../../../core/text';

/** A value as Get Changes returned it: a JSON number, or the same number as text. */
export type Echoed = number | string;

export interface StockAckRecord {
	/** A string of digits, exactly as received (never through a JS number). */
	recId: string;
	syncStock: Echoed;
	stockChangeCount: Echoed;
}

export type StockAckField = 'rec_id' | 'sync_stock' | 'stock_change_count';

export type StockRecordValidation =
	| { ok: true; record: StockAckRecord }
	| { ok: false; field: StockAckField; error: string };

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const COUNT_TEXT = /^\d+$/;

const missing = (field: StockAckField) =>
	`${field} is missing: map it from the ${field} that Get Changes (api_goods_stock_change_query) returned`;

function echoed(field: StockAckField, value: unknown, wholeNumber: boolean): { value: Echoed } | { error: string } {
	if (value === undefined || value === null || value === '') return { error: missing(field) };
	const what = wholeNumber ? 'a whole number of 0 or more' : 'a number';
	if (typeof value === 'number') {
		const ok = Number.isFinite(value) && (!wholeNumber || (Number.isSafeInteger(value) && value >= 0));
		return ok ? { value } : { error: `${field} must be ${what}, exactly as Get Changes returned it, got ${describeValue(value)}` };
	}
	if (typeof value === 'string' && (wholeNumber ? COUNT_TEXT : NUMBER_TEXT).test(value.trim())) return { value: value.trim() };
	return { error: `${field} must be ${what}, exactly as Get Changes returned it, got ${describeValue(value)}` };
}

export function validateStockAckRecord(recId: unknown, syncStock: unknown, stockChangeCount: unknown): StockRecordValidation {
	const id = recIdFromInput(recId, 'api_goods_stock_change_query');
	if ('error' in id) return { ok: false, field: 'rec_id', error: id.error };
	const stock = echoed('sync_stock', syncStock, false);
	if ('error' in stock) return { ok: false, field: 'sync_stock', error: stock.error };
	const count = echoed('stock_change_count', stockChangeCount, true);
	if ('error' in count) return { ok: false, field: 'stock_change_count', error: count.error };
	return { ok: true, record: { recId: id.recId, syncStock: stock.value, stockChangeCount: count.value } };
}
