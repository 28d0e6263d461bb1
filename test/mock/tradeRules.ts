/**
 * What trade_push.php checks of one order, and only that: the vendor's stated rules (docs/PROTOCOL.md,
 * "trade_push", "The gateway's refusals"), read as that section says the mock reads them. Where the
 * sources disagree (is other_amount part of paid? is paid the whole amount of a cash-on-delivery
 * order?) every reading is accepted. Missing fields, enums and the other edition's limits are the
 * client's business: they pass.
 */
import { isJsonObject } from './jsonText';
import * as say from './messages';
import { asText, idOf } from './reply';

/** An amount as the gateway would cast it: a number or numeric text, anything else 0 (ours). */
function amount(value: unknown): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : 0;
	return Number.isFinite(number) ? number : 0;
}

/** Amounts are decimal(19,4): compared in units of 0.0001, which also absorbs float noise. */
const units = (value: number): number => Math.round(value * 10_000);

/** A status field as a number (sent as a number or as text); NaN when it is neither. */
const status = (value: unknown): number => (typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN);

/** The order's lines: an array's objects; anything else counts as no lines (ours). */
const linesOf = (trade: Record<string, unknown>): Array<Record<string, unknown>> =>
	Array.isArray(trade.order_list) ? trade.order_list.filter(isJsonObject) : [];

/** The tid an order is kept by: non-empty text or a number; undefined when there is none. */
export const tradeTid = (trade: Record<string, unknown>): string | undefined => idOf(trade.tid);

/** The first of the vendor's refusals this order meets, in the order of their table; else undefined. */
export function tradeRefusal(trade: Record<string, unknown>): string | undefined {
	if (tradeTid(trade) === undefined) return say.TID_MISSING;
	const [cod, ext, paid] = [trade.cod_amount, trade.ext_cod_fee, trade.paid].map(amount);
	if (status(trade.delivery_term) === 2 && status(trade.trade_status) === 30 && units(cod) === 0) {
		return say.COD_AMOUNT_ZERO;
	}
	const lines = linesOf(trade);
	// The page's example of a contradiction; no other pairing is stated, so no other is refused.
	const contradicting = lines.find((line) => status(line.refund_status) > 2 && status(line.status) !== 80);
	if (contradicting !== undefined) return say.refundStatusMismatch(asText(contradicting.oid));
	const goods = lines.reduce(
		(sum, l) => sum + amount(l.price) * amount(l.num) + amount(l.adjust_amount) - amount(l.discount) - amount(l.share_discount),
		0,
	);
	// The receivable by the vendor's sum, and by the client's that adds other_amount.
	const receivables = [goods + amount(trade.post_amount), goods + amount(trade.post_amount) + amount(trade.other_amount)];
	const highest = Math.max(...receivables);
	if (units(highest) < 0) return say.RECEIVABLE_NEGATIVE;
	if (units(cod) > units(highest + ext)) return say.COD_ABOVE_RECEIVABLE;
	// paid is the receivable, or (the client's COD rule solved for paid) what is left to collect on delivery.
	const readings = receivables.flatMap((receivable) => [receivable, receivable - cod + ext]);
	return readings.some((reading) => units(reading) === units(paid)) ? undefined : say.PAID_INCORRECT;
}
