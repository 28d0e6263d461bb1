/**
 * One trade_push order, checked from whatever an n8n item carried, and made ready to send: the
 * item's fields untouched but for date-times, which go as Beijing time. Nothing half-formed is
 * sent: an order that fails a check is refused with the field and the value it got.
 *
 * Only what the vendor states is checked (docs/PROTOCOL.md, "trade_push"): the required core,
 * the codes, amounts as decimals, a non-empty list of lines with unique oids, goods_no or spec_no
 * on every line. The ERP checks the rest (its amount rules, which the sources disagree on) and
 * says why it refuses.
 */
import { ZERO_DATE_TIME } from '../../../core/beijingTime';
import type { Validation } from '../../../core/batched/operation';
import { isPlainObject } from '../../../core/plainObject';
import { checkFields, isEmpty } from '../../../core/recordFields';
import { describeValue } from '../../../core/text';
import { LINE_FIELDS, TRADE_FIELDS } from './fields';

export interface TradeRecord {
	/** The order's tid as text: its identity at the ERP. */
	tid: string;
	/** The order as it is sent, `order_list` included. */
	trade: Record<string, unknown>;
}

function checkLines(lines: unknown): { lines: Array<Record<string, unknown>> } | { error: string } {
	if (!Array.isArray(lines)) return { error: `order_list must be the list of the order's lines, got ${describeValue(lines)}` };
	if (lines.length === 0) return { error: 'order_list is empty: an order needs at least one line' };
	const seen = new Map<string, number>();
	const checked: Array<Record<string, unknown>> = [];
	for (let i = 0; i < lines.length; i++) {
		const line: unknown = lines[i];
		if (!isPlainObject(line)) return { error: `order_list[${i}] must be an object (one line of the order), got ${describeValue(line)}` };
		const copy = { ...line };
		const problem = checkFields(LINE_FIELDS, line, copy, (id) => `order_list[${i}].${id}`);
		if (problem !== undefined) return { error: problem.error };
		if (isEmpty(line.goods_no) && isEmpty(line.spec_no)) {
			return { error: `order_list[${i}] has neither goods_no nor spec_no: the ERP needs one of them to know the goods` };
		}
		const oid = String(line.oid).trim();
		const first = seen.get(oid);
		if (first !== undefined) return { error: `order_list[${i}].oid ${oid} already appears in order_list[${first}]: each line needs its own oid` };
		seen.set(oid, i);
		checked.push(copy);
	}
	return { lines: checked };
}

/**
 * `order`: the order's fields (an object); `lines`: its order_list (or nothing: the order's
 * own). An unpaid order (pay_status 0) without a pay_time is sent with the ERP's zero date.
 */
export function checkOrder(order: unknown, lines: unknown): Validation<TradeRecord> {
	if (!isPlainObject(order)) return { ok: false, field: 'order', error: `the order must be an object of fields, got ${describeValue(order)}` };
	const trade: Record<string, unknown> = { ...order };
	const problem = checkFields(TRADE_FIELDS, order, trade, (id) => id);
	if (problem !== undefined) return { ok: false, ...problem };
	const checked = checkLines(isEmpty(lines) ? order.order_list : lines);
	if ('error' in checked) return { ok: false, field: 'order_list', error: checked.error };
	trade.order_list = checked.lines;
	if (isEmpty(trade.pay_time) && String(trade.pay_status ?? '').trim() === '0') trade.pay_time = ZERO_DATE_TIME;
	return { ok: true, record: { tid: String(order.tid).trim(), trade } };
}
