/**
 * `api_goodsspec_push.php` on the batched-operation engine: the one `api_goods_info` object it
 * sends (`platform_id`, `shop_no`, `goods_list`), the call's counts, and the rows refused one by
 * one in `errors` (docs/PROTOCOL.md, "api_goodsspec_push").
 */
import type { BatchedOperation, EntryKey } from '../../../core/batched/operation';
import { idText, pushCounts, pushWords, SELF_BUILT_PLATFORM_ID } from '../../../core/batched/pushing';
import { checkSku, type SkuRecord } from './sku';

/** A SKU is one per shop, goods_id and spec_id. */
const keyOf = (goodsId: string, specId: string) => `${goodsId}\u0000${specId}`;

function rowEntryKey(entry: Record<string, unknown>): EntryKey {
	const goodsId = idText(entry.goods_id);
	if (goodsId === undefined) return { kind: 'missing' };
	return { kind: 'key', key: keyOf(goodsId, idText(entry.spec_id) ?? '') };
}

export function goodsPush(shopNo: string): BatchedOperation<SkuRecord> {
	return {
		script: 'api_goodsspec_push.php',
		batchParams: (records) => ({
			api_goods_info: JSON.stringify({ platform_id: SELF_BUILT_PLATFORM_ID, shop_no: shopNo, goods_list: records.map((record) => record.row) }),
		}),
		mappings: [{ parameter: 'sku', field: 'sku' }],
		validate: (values) => checkSku(values.sku),
		identity: {
			field: 'goods_id',
			outputName: 'sku',
			of: (record) => `${record.goodsId}/${record.specId}`,
			key: (record) => keyOf(record.goodsId, record.specId),
			duplicateError: (sku, firstItem) => `the SKU ${sku} (goods_id/spec_id) already appears in item ${firstItem}: each SKU is pushed once per run`,
		},
		sentFields: (record) => ({ goodsId: record.goodsId, specId: record.specId, ...(record.warning ? { warning: record.warning } : {}) }),
		errorEntryKey: rowEntryKey,
		answerFields: pushCounts,
		words: pushWords,
	};
}
