/**
 * Goods → Push: the shop's platform SKUs into the ERP (`api_goodsspec_push.php`), so they can be
 * matched to the ERP's goods and synced; one input item per SKU, checked, then sent in signed
 * calls of at most 2,000 rows; Pushed and Failed outputs.
 */
import { GOODS_BATCH_SIZE_MAX } from '../../../core/limits';
import { pushOperation } from '../../batched/pushOperation';
import { goodsPush } from './goodsPush';

export const { description, execute } = pushOperation({
	resource: 'goods',
	limit: GOODS_BATCH_SIZE_MAX,
	records: 'rows',
	notice: 'One item is one platform SKU (goods_id + spec_id). Pushing a SKU again updates it.',
	shopNote: 'The shop must be a self-built one (自有平台) in the ERP; the node sends platform_id 127 and this code with every call',
	record: {
		name: 'sku',
		displayName: 'SKU',
		fieldsMethod: 'getGoodsFields',
		description: 'The SKU’s fields under the ERP’s names (goods_id, spec_id, spec_no, status, goods_no, …). "Map Automatically" sends the item’s JSON as the row; fields the node does not know pass through untouched.',
	},
	fieldNames: ['goods_id', 'spec_id', 'spec_no', 'status'],
	operationFor: goodsPush,
});
