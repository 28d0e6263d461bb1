/**
 * sales_refund_push.php (docs/PROTOCOL.md, "sales_refund_push"): `api_refund_list`, JSON text of an
 * array of at most 10 refunds, each naming its shop (`platform_id` 127, `shop_no`) and the order
 * (`tid`) it belongs to, which trade_push must have saved before.
 *
 * Any refund refused: code ≠ 0 with one plain-text message naming each refused refund_no (the one
 * known example is plain text), nothing of the call saved unless `refundRefusalSavesOthers`. All
 * accepted: code 0 with how many refunds were created (`new_count`) and updated (`chg_count`, a
 * refund_no pushed before). `type` and `status` are not checked: their vocabulary is not settled.
 */
import { decodeJson, isJsonObject } from './jsonText';
import * as say from './messages';
import { pushShopRefusal, SELF_BUILT_PLATFORM_ID } from './pushShop';
import { asText, errorReply, idOf, ok, param, type Params, type Reply, type ScriptContext } from './reply';

/** The vendor's limit per call. */
const MAX_REFUNDS = 10;

/** The first refusal a refund meets, in this order (ours); else undefined. */
function refundRefusal(refund: Record<string, unknown>, ctx: ScriptContext): string | undefined {
	if (idOf(refund.refund_no) === undefined) return say.REFUND_NO_MISSING;
	if (Number(refund.platform_id) !== SELF_BUILT_PLATFORM_ID) return say.PLATFORM_ID_NOT_127;
	const shopRefusal = pushShopRefusal(ctx.store.shopInfo(asText(refund.shop_no)));
	if (shopRefusal !== undefined) return shopRefusal;
	const tid = idOf(refund.tid);
	return tid !== undefined && ctx.store.pushedTrade(tid) !== undefined ? undefined : say.REFUND_TRADE_NOT_FOUND;
}

export function refundPush(params: Params, ctx: ScriptContext): Reply {
	const refuse = (message: string): Reply => errorReply(say.CODE_PUSH_REFUSED, message);
	const text = param(params, 'api_refund_list');
	if (!text) return refuse(say.missingParam('api_refund_list'));
	const decoded = decodeJson(text, 'unsafe');
	const refunds = decoded.ok ? decoded.value : undefined;
	if (!Array.isArray(refunds) || refunds.length === 0 || !refunds.every(isJsonObject)) {
		return refuse(say.listInvalid('api_refund_list'));
	}
	if (refunds.length > MAX_REFUNDS) return refuse(say.REFUND_LIST_TOO_LONG);

	const checked = refunds.map((refund) => ({ refund, error: refundRefusal(refund, ctx) }));
	const refused = checked.flatMap(({ refund, error }) => (error === undefined ? [] : [{ refundNo: asText(refund.refund_no), error }]));
	const counts = { new_count: 0, chg_count: 0 };
	if (refused.length === 0 || ctx.options.refundRefusalSavesOthers) {
		for (const { refund, error } of checked) {
			if (error !== undefined) continue;
			const [refundNo, tid] = [asText(refund.refund_no), asText(refund.tid)];
			const pushed = { refundNo, tid, shopNo: asText(refund.shop_no), requestNumber: ctx.requestNumber, refund };
			counts[ctx.store.saveRefund(pushed) ? 'new_count' : 'chg_count'] += 1;
		}
	}
	return refused.length === 0 ? ok(counts) : refuse(say.refundsRefused(refused));
}
