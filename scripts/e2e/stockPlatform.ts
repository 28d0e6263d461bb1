/**
 * The shop platform of the stock-sync example (examples/stock-sync.workflow.json): `POST
 * /api/stock` with the JSON body the example's push node sends, `{ goods_id, spec_id, sku, stock }`.
 * It refuses SKUs (the ERP's spec_no) ending in `-3`, so a run has both a "pushed" and a "refused"
 * branch; the mock gateway seeds spec_nos ending in -1 … -4 (test/mock/stockPool.ts), so about a
 * quarter are refused. Once `refusing` is switched off it takes every SKU: the seller has fixed
 * the listings. A push without a SKU is always refused. `onTaken` hears of each push it takes.
 */
import { MockPlatform } from '../../test/mock/platform';

export interface StockPush {
	goods_id?: unknown;
	spec_id?: unknown;
	sku?: unknown;
	stock?: unknown;
}

/** Whether the platform refuses a SKU: the rule both this platform and the checks go by. */
export const isRefusedSku = (sku: string): boolean => sku.endsWith('-3');
export const REFUSAL_REASON = '商品已下架,无法更新库存';

export async function startStockPlatform(
	onTaken?: (push: StockPush) => void,
): Promise<{ platform: MockPlatform<StockPush>; setRefusing: (on: boolean) => void }> {
	let refusing = true;
	const platform = await MockPlatform.start<StockPush>({
		path: '/api/stock',
		refusal: (push) => (typeof push.sku !== 'string' || (refusing && isRefusedSku(push.sku)) ? REFUSAL_REASON : undefined),
		onTaken,
	});
	return { platform, setRefusing: (on) => (refusing = on) };
}
