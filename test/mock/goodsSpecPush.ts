/**
 * api_goodsspec_push.php (docs/PROTOCOL.md, "api_goodsspec_push"): `api_goods_info`, JSON text of
 * ONE object `{platform_id, shop_no, goods_list}`, at most 2000 rows, each a platform listing kept
 * by shop + goods_id + spec_id.
 *
 * The object, its shop and the size of the list are refused as a whole (code ≠ 0, plain text).
 * Rows are answered as the other edition does (assumed): code 0, `new_count` and `chg_count` over
 * the rows saved, and each refused row in `errors` as `{goods_id, spec_id, error}`.
 */
import { decodeJson, isJsonObject } from './jsonText';
import * as say from './messages';
import { pushShopRefusal } from './pushShop';
import { asText, errorReply, ok, param, type Params, type Reply, type ScriptContext } from './reply';
import type { GatewayStore } from './store';

/** The vendor's limit per call. */
const MAX_ROWS = 2000;
/** Required in every row (spec_id is checked apart: a product with one SKU may leave it empty). */
const REQUIRED = ['goods_id', 'spec_no', 'status'];

type Row = Record<string, unknown>;
const ids = (row: Row): [string, string] => [asText(row.goods_id), asText(row.spec_id)];

/**
 * Each row's first refusal, in this order (ours), or undefined: a required field missing, the
 * goods_id + spec_id of an earlier row not missing one, an empty spec_id although its product has
 * another SKU, in the call or saved ("within a product with several SKUs, spec_id must not be
 * empty", the vendor). Indexed, so that 2000 rows cost no more than a few thousand steps.
 */
function rowRefusals(rows: readonly Row[], shopNo: string, store: GatewayStore): Array<string | undefined> {
	const skus = new Map<string, Set<string>>();
	for (const [goodsId, specId] of rows.map(ids)) skus.set(goodsId, (skus.get(goodsId) ?? new Set()).add(specId));
	const hasOtherSku = (goodsId: string): boolean =>
		[...(skus.get(goodsId) ?? []), ...store.goodsSpecIds(shopNo, goodsId)].some((specId) => specId !== '');
	const seen = new Set<string>();
	return rows.map((row) => {
		const missing = REQUIRED.find((name) => asText(row[name]) === '');
		if (missing !== undefined) return say.fieldMissing(missing);
		const [goodsId, specId] = ids(row);
		const key = JSON.stringify([goodsId, specId]);
		if (seen.has(key)) return say.GOODS_SPEC_DUPLICATE;
		seen.add(key);
		return specId === '' && hasOtherSku(goodsId) ? say.fieldMissing('spec_id') : undefined;
	});
}

/** The rows of the object, or why the call is refused as a whole. */
function readInfo(text: string | undefined, store: GatewayStore): { shopNo: string; rows: Row[] } | string {
	if (!text) return say.missingParam('api_goods_info');
	const decoded = decodeJson(text, 'unsafe');
	const info = decoded.ok ? decoded.value : undefined;
	if (!isJsonObject(info)) return say.listInvalid('api_goods_info');
	const shopNo = asText(info.shop_no);
	const shop = store.shopInfo(shopNo);
	if (shop !== undefined && !shop.disabled && Number(info.platform_id) !== shop.platformId) return say.PLATFORM_MISMATCH;
	const shopRefusal = pushShopRefusal(shop);
	if (shopRefusal !== undefined) return shopRefusal;
	const rows = info.goods_list;
	if (rows === undefined || rows === null || (Array.isArray(rows) && rows.length === 0)) return say.GOODS_LIST_EMPTY;
	if (!Array.isArray(rows) || !rows.every(isJsonObject)) return say.listInvalid('goods_list');
	return rows.length > MAX_ROWS ? say.GOODS_LIST_TOO_LONG : { shopNo, rows };
}

export function goodsSpecPush(params: Params, ctx: ScriptContext): Reply {
	const info = readInfo(param(params, 'api_goods_info'), ctx.store);
	if (typeof info === 'string') return errorReply(say.CODE_PUSH_REFUSED, info);
	const { shopNo, rows } = info;
	// Every row is checked against the call as sent and the rows saved before it.
	const refusals = rowRefusals(rows, shopNo, ctx.store);
	const counts = { new_count: 0, chg_count: 0 };
	const errors: Array<{ goods_id: string; spec_id: string; error: string }> = [];
	rows.forEach((row, index) => {
		const [goodsId, specId] = ids(row);
		const error = refusals[index];
		if (error !== undefined) return void errors.push({ goods_id: goodsId, spec_id: specId, error });
		const created = ctx.store.saveGoodsSpec({ shopNo, goodsId, specId, requestNumber: ctx.requestNumber, row });
		counts[created ? 'new_count' : 'chg_count'] += 1;
	});
	return ok({ ...counts, ...(errors.length === 0 && ctx.options.omitEmptyErrors ? {} : { errors }) });
}
