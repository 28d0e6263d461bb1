/**
 * One sales_refund_push refund, checked from whatever an n8n item carried, and made ready to send:
 * the item's fields untouched but for refund_time, sent as Beijing time, and the shop's
 * `platform_id` (always 127) and `shop_no`, which the node fills in.
 */
import type { Validation } from '../../../core/batched/operation';
import { idText, SELF_BUILT_PLATFORM_ID, type PushRecord } from '../../../core/batched/pushing';
import { isPlainObject } from '../../../core/plainObject';
import { checkFields, checkLines, isEmpty, type LinesSpec } from '../../../core/recordFields';
import { describeValue } from '../../../core/text';
import { REFUND_FIELDS, REFUND_LINE_FIELDS } from './fields';

const REFUND_LINES: LinesSpec = { name: 'order_list', record: 'refund', aRecord: 'a refund', fields: REFUND_LINE_FIELDS };

/** The refund as it is sent, `order_list` included, under its refund_no. */
export function checkRefund(shopNo: string, refund: unknown, lines: unknown): Validation<PushRecord> {
	if (!isPlainObject(refund)) return { ok: false, field: 'refund', error: `the refund must be an object of fields, got ${describeValue(refund)}` };
	const sent: Record<string, unknown> = { ...refund, platform_id: SELF_BUILT_PLATFORM_ID, shop_no: shopNo };
	const problem = checkFields(REFUND_FIELDS, refund, sent, (id) => id);
	if (problem !== undefined) return { ok: false, ...problem };
	const checked = checkLines(isEmpty(lines) ? refund.order_list : lines, REFUND_LINES);
	if ('error' in checked) return { ok: false, field: 'order_list', error: checked.error };
	sent.order_list = checked.lines;
	return { ok: true, record: { id: idText(refund.refund_no) ?? '', body: sent } };
}
