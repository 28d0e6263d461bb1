/**
 * The fields of an `api_goodsspec_push.php` row (one platform SKU) that the node knows
 * (docs/PROTOCOL.md, "api_goodsspec_push"). `spec_id` must be there but may be empty: the vendor
 * forbids an empty one only when the product has several SKUs, which the ERP judges. `goods_no`
 * is required by one source only: the node warns when it is empty, and sends the row.
 */
import { optionalTexts, type RecordField } from '../../../core/recordFields';

export const GOODS_FIELDS: readonly RecordField[] = [
	{ id: 'goods_id', meaning: '平台货品ID', kind: 'text', required: true },
	{ id: 'spec_id', meaning: '平台规格ID', kind: 'text', required: true, emptyAllowed: true },
	{ id: 'spec_no', meaning: '商家编码', kind: 'text', required: true },
	{ id: 'status', meaning: '状态', kind: 'code', required: true, codes: { 0: '删除', 1: '在架', 2: '下架' } },
	...optionalTexts({ goods_no: '货品编号', goods_name: '货品名称', spec_code: '平台规格码', spec_name: '规格名称' }),
	{ id: 'price', meaning: '价格', kind: 'amount' },
	{ id: 'stock_num', meaning: '平台库存', kind: 'amount' },
	...optionalTexts({ pic_url: '图片链接', cid: '平台类目' }),
];
