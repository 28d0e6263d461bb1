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
import type { PushRecord } from '../../../core/batched/pushing';
import { isPlainObject } from '../../../core/plainObject';
import { checkFields, checkLines, isEmpty, type LinesSpec } from '../../../core/recordFields';
import { describeValue } from '../../../core/text';
import { LINE_FIELDS, TRADE_FIELDS } from './fields';

const ORDER_LINES: LinesSpec = {
	name: 'order_list',
	record: 'order',
	aRecord: 'an order',
	fields: LINE_FIELDS,
	lineProblem: (line, i, earlier) => {
		if (isEmpty(line.goods_no) && isEmpty(line.spec_no)) {
			return `order_list[${i}] has neither goods_no nor spec_no: the ERP needs one of them to know the goods`;
		}
		const oid = String(line.oid).trim();
		const first = earlier.findIndex((other) => String(other.oid).trim() === oid);
		return first === -1 ? undefined : `order_list[${i}].oid ${oid} already appears in order_list[${first}]: each line needs its own oid`;
	},
};

/**
 * `order`: the order's fields (an object); `lines`: its order_list (or nothing: the order's
 * own). An unpaid order (pay_status 0) without a pay_time is sent with the ERP's zero date.
 */
/** The order as it is sent, `order_list` included, under its tid. */
export function checkOrder(order: unknown, lines: unknown): Validation<PushRecord> {
	if (!isPlainObject(order)) return { ok: false, field: 'order', error: `the order must be an object of fields, got ${describeValue(order)}` };
	const trade: Record<string, unknown> = { ...order };
	const problem = checkFields(TRADE_FIELDS, order, trade, (id) => id);
	if (problem !== undefined) return { ok: false, ...problem };
	const checked = checkLines(isEmpty(lines) ? order.order_list : lines, ORDER_LINES);
	if ('error' in checked) return { ok: false, field: 'order_list', error: checked.error };
	trade.order_list = checked.lines;
	if (isEmpty(trade.pay_time) && String(trade.pay_status ?? '').trim() === '0') trade.pay_time = ZERO_DATE_TIME;
	return { ok: true, record: { id: String(order.tid).trim(), body: trade } };
}
