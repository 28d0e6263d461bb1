/**
 * trade_push.php (docs/PROTOCOL.md, "trade_push"): `shop_no`, `trade_list` (JSON text of an array
 * of orders) and an optional `switch`, accepted and ignored as what it does is not documented.
 *
 * The shop and the list as a whole are checked first, each refusal a plain-text message; then each
 * order (tradeRules.ts). Any order refused: code ≠ 0, `message` the JSON text of
 * `[{"tid","error"}]` for every refused order, and nothing of the call saved unless the option
 * `tradeRefusalSavesOthers` says the valid ones are. All accepted: code 0 with how many orders were
 * created (`new_count`, a tid not seen before) and updated (`chg_count`, a re-push).
 */
import { decodeJson, isJsonObject } from './jsonText';
import * as say from './messages';
import { pushShopRefusal } from './pushShop';
import { asText, errorReply, escapeNonAscii, ok, param, type Params, type Reply, type ScriptContext } from './reply';
import { tradeRefusal, tradeTid } from './tradeRules';

/** The vendor's limit per call. */
const MAX_TRADES = 50;

/** The orders of `trade_list`, or the vendor's text for why there are none to read. */
function readTradeList(text: string | undefined): Array<Record<string, unknown>> | string {
	if (!text) return say.TRADE_LIST_EMPTY;
	const decoded = decodeJson(text, 'unsafe');
	// json_decode answers null for text it cannot parse, so a literal null reads as unparsable too.
	if (!decoded.ok || decoded.value === null) return say.TRADE_LIST_UNPARSABLE;
	const list = decoded.value;
	if (!Array.isArray(list) || !list.every(isJsonObject)) return say.TRADE_LIST_MALFORMED;
	return list.length === 0 ? say.TRADE_LIST_EMPTY : list;
}

export function tradePush(params: Params, ctx: ScriptContext): Reply {
	const refuse = (message: string): Reply => errorReply(say.CODE_PUSH_REFUSED, message);
	const shopNo = param(params, 'shop_no') ?? '';
	const shopRefusal = pushShopRefusal(ctx.store.shopInfo(shopNo));
	if (shopRefusal !== undefined) return refuse(shopRefusal);
	const trades = readTradeList(param(params, 'trade_list'));
	if (typeof trades === 'string') return refuse(trades);
	if (trades.length > MAX_TRADES) return refuse(say.TRADE_LIST_TOO_LONG);

	const checked = trades.map((trade) => ({ trade, error: tradeRefusal(trade) }));
	const refused = checked.flatMap(({ trade, error }) => (error === undefined ? [] : [{ tid: asText(trade.tid), error }]));
	const counts = { new_count: 0, chg_count: 0 };
	if (refused.length === 0 || ctx.options.tradeRefusalSavesOthers) {
		for (const { trade, error } of checked) {
			const tid = tradeTid(trade);
			if (error !== undefined || tid === undefined) continue;
			const created = ctx.store.saveTrade({ tid, shopNo, requestNumber: ctx.requestNumber, trade });
			counts[created ? 'new_count' : 'chg_count'] += 1;
		}
	}
	if (refused.length === 0) return ok(counts);
	// As PHP would json_encode the list: its Chinese escaped too when the gateway escapes.
	const list = JSON.stringify(refused);
	return refuse(ctx.options.escapeUnicode ? escapeNonAscii(list) : list);
}
