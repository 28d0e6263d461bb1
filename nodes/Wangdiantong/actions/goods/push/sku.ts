/**
 * One api_goodsspec_push row, checked from whatever an n8n item carried: the item's fields
 * untouched, known ones checked, and a warning when goods_no is empty.
 */
import type { Validation } from '../../../core/batched/operation';
import { idText } from '../../../core/batched/pushing';
import { isPlainObject } from '../../../core/plainObject';
import { checkFields, isEmpty } from '../../../core/recordFields';
import { describeValue } from '../../../core/text';
import { GOODS_FIELDS } from './fields';

export interface SkuRecord {
	goodsId: string;
	specId: string;
	row: Record<string, unknown>;
	/** Sent anyway; said on the output. */
	warning?: string;
}

export const GOODS_NO_WARNING = 'goods_no is empty: one of our sources says the ERP requires it, so fill it in if the ERP refuses the row';

export function checkSku(sku: unknown): Validation<SkuRecord> {
	if (!isPlainObject(sku)) return { ok: false, field: 'sku', error: `the SKU must be an object of fields, got ${describeValue(sku)}` };
	const row: Record<string, unknown> = { ...sku };
	const problem = checkFields(GOODS_FIELDS, sku, row, (id) => id);
	if (problem !== undefined) return { ok: false, ...problem };
	return {
		ok: true,
		record: {
			goodsId: idText(sku.goods_id) ?? '',
			specId: idText(sku.spec_id) ?? '',
			row,
			...(isEmpty(sku.goods_no) ? { warning: GOODS_NO_WARNING } : {}),
		},
	};
}
