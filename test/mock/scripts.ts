/**
 * What each openapi2 script answers once the public checks have passed: the stateful logistics
 * pair, the stock-sync pair, the push scripts (each in a file of its own, e.g. tradePush.ts),
 * canned answers for any other script, and how answers are written.
 */
import { goodsSpecPush } from './goodsSpecPush';
import { decodeJson, isJsonObject } from './jsonText';
import * as say from './messages';
import { asText, businessParams, errorReply, escapeNonAscii, ok, param, type Params, type Reply, type ScriptContext } from './reply';
import { refundPush } from './refundPush';
import { tradePush } from './tradePush';
import type { MockGatewayOptions } from './types';

/** The records of a list parameter: a non-empty JSON array of objects, integers as their digits; else undefined. */
function parseList(text: string): Array<Record<string, unknown>> | undefined {
	const decoded = decodeJson(text, 'all');
	if (!decoded.ok) return undefined;
	const list = decoded.value;
	return Array.isArray(list) && list.length > 0 && list.every(isJsonObject) ? list : undefined;
}

/** Either query: the shop (it must be known) and `limit`, an integer in 1–100, 100 if absent. */
function shopAndLimit(params: Params, ctx: ScriptContext): Reply | { shopNo: string; limit: number } {
	const shopNo = param(params, 'shop_no');
	if (!shopNo) return errorReply(say.CODE_PARAM, say.missingParam('shop_no'));
	const raw = param(params, 'limit') || '100';
	const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
	if (limit < 1 || limit > 100) return errorReply(say.CODE_PARAM, say.LIMIT_INVALID);
	if (!ctx.store.shops.has(shopNo)) return errorReply(say.CODE_DISABLED, say.SHOP_NOT_FOUND);
	return { shopNo, limit };
}

/** Records stay in the pool until acked, so the query does not page: they come back next time. */
function logisticsSyncQuery(params: Params, ctx: ScriptContext): Reply {
	const query = shopAndLimit(params, ctx);
	if ('body' in query) return query;
	const partSyncAble = param(params, 'is_part_sync_able') || '0';
	if (partSyncAble !== '0' && partSyncAble !== '1') return errorReply(say.CODE_PARAM, say.IS_PART_SYNC_ABLE_INVALID);
	// Split-shipment records only go to sellers who said they can sync them.
	const trades = ctx.store.pending(query.shopNo).filter((r) => partSyncAble === '1' || r.is_part_sync === 0);
	return ok({ trades: trades.slice(0, query.limit) });
}

/** Code 0 for the batch as a whole; each record that could not be applied is listed in `errors`. */
function logisticsSyncAck(params: Params, ctx: ScriptContext): Reply {
	const text = param(params, 'logistics_list');
	if (!text) return errorReply(say.CODE_PARAM, say.missingParam('logistics_list'));
	const list = parseList(text);
	if (!list) return errorReply(say.CODE_PARAM, say.listInvalid('logistics_list'));
	const errors: Array<{ rec_id: string; error: string }> = [];
	for (const item of list) {
		const [recId, status, message] = [item.rec_id, item.status, item.message].map(asText);
		const state = ctx.store.recordState(recId);
		const error =
			state === 'unknown' ? say.RECORD_NOT_FOUND
			: state === 'done' ? say.NOT_PENDING
			: state === 'locked' ? say.RECORD_LOCKED
			: status !== '0' && status !== '1' ? say.STATUS_INVALID
			: Array.from(message).length > 255 ? say.MESSAGE_TOO_LONG
			: undefined;
		if (error !== undefined) errors.push({ rec_id: recId, error });
		else ctx.store.accept(recId, status === '0' ? 0 : 1, message, ctx.requestNumber);
	}
	// Some gateways leave `errors` out when all succeeded; clients must treat absent as empty.
	return ok(errors.length === 0 && ctx.options.omitEmptyErrors ? {} : { errors });
}

/**
 * Like the logistics query, the same records until acked. `current_count`: how many this answer
 * lists (ours; docs/PROTOCOL.md, "Stock sync").
 */
function stockChangeQuery(params: Params, ctx: ScriptContext): Reply {
	const query = shopAndLimit(params, ctx);
	if ('body' in query) return query;
	const changes = ctx.store.stockPending(query.shopNo).slice(0, query.limit);
	return ok({ stock_change_list: changes, current_count: changes.length });
}

/** An ack's stock value: an integer literal, bare or quoted (parseList made both text); not 5.0. */
const stockValue = (value: unknown): number | undefined =>
	typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;

/**
 * `stock_sync_list` = [{rec_id, sync_stock, stock_change_count}], answered like logistics_sync_ack
 * (docs/PROTOCOL.md, "Stock sync", most of it assumed): code 0, refusals per record in `errors`. An
 * echoed count that is current clears the change; a stale one (the stock changed since the query)
 * or a change synced before is accepted and changes nothing: the ERP's update is conditional.
 */
function stockChangeAck(params: Params, ctx: ScriptContext): Reply {
	const text = param(params, 'stock_sync_list');
	if (!text) return errorReply(say.CODE_PARAM, say.missingParam('stock_sync_list'));
	const list = parseList(text);
	if (!list) return errorReply(say.CODE_PARAM, say.listInvalid('stock_sync_list'));
	const errors: Array<{ rec_id: string; error: string }> = [];
	for (const item of list) {
		const recId = asText(item.rec_id);
		const [syncStock, count] = [stockValue(item.sync_stock), stockValue(item.stock_change_count)];
		if (ctx.store.stockState(recId) === 'unknown') errors.push({ rec_id: recId, error: say.STOCK_RECORD_NOT_FOUND });
		else if (syncStock === undefined || count === undefined) errors.push({ rec_id: recId, error: say.STOCK_VALUE_INVALID });
		else ctx.store.acceptStock(recId, syncStock, count, ctx.requestNumber);
	}
	return ok(errors.length === 0 && ctx.options.omitEmptyErrors ? {} : { errors });
}

const BUILT_IN = new Map([
	['logistics_sync_query', logisticsSyncQuery],
	['logistics_sync_ack', logisticsSyncAck],
	['api_goods_stock_change_query', stockChangeQuery],
	['api_goods_stock_change_ack', stockChangeAck],
	['trade_push', tradePush],
	['sales_refund_push', refundPush],
	['api_goodsspec_push', goodsSpecPush],
]);

/** The answer of script `api` (no `.php`): a canned one if given, else built in, else 接口不存在. */
export function runScript(api: string, params: Params, ctx: ScriptContext): Reply {
	const answers = ctx.options.answers ?? {};
	const key = [`${api}.php`, api].find((name) => Object.hasOwn(answers, name));
	if (key === undefined) {
		const builtIn = BUILT_IN.get(api);
		return builtIn ? builtIn(params, ctx) : errorReply(say.CODE_PARAM, say.unknownScript(`${api}.php`));
	}
	const canned = answers[key];
	const body = typeof canned === 'function' ? canned(businessParams(params)) : canned;
	// The code, for the request log: a raw body is searched for it.
	const raw = typeof body === 'string' ? /"code"\s*:\s*"?(-?\d+)/.exec(body)?.[1] : body.code;
	const code = typeof raw === 'number' || (typeof raw === 'string' && raw !== '') ? Number(raw) : NaN;
	return { code: Number.isFinite(code) ? code : undefined, body };
}

/** The text sent for a reply, with the shape options; a raw canned body goes out untouched. */
export function serialise({ body }: Reply, shape: MockGatewayOptions): string {
	if (typeof body === 'string') return body;
	let json = JSON.stringify(shape.codeAsString && 'code' in body ? { ...body, code: String(body.code) } : body);
	const listed = (key: string): boolean => Array.isArray(body[key]);
	if (
		(shape.recIdAsNumber && (listed('trades') || listed('stock_change_list'))) ||
		(shape.errorsRecIdAsNumber && listed('errors'))
	) {
		// Digit for digit, never via a number. Only unescaped keys match: message texts stay as they are.
		json = json.replace(/"rec_id":"(\d+)"/g, '"rec_id":$1');
	}
	return shape.escapeUnicode ? escapeNonAscii(json) : json;
}
