/**
 * `api_goods_stock_change_ack.php` on the batched-operation engine: the `stock_sync_list` it
 * sends and the record it validates (docs/PROTOCOL.md, "Stock sync").
 */
import { acknowledgeWords, recIdEntryKey, recIdIdentity } from '../../../core/batched/acknowledging';
import type { BatchedOperation } from '../../../core/batched/operation';
import { validateStockAckRecord, type StockAckRecord } from './record';

/**
 * The `stock_sync_list` text: `rec_id` as a JSON string (ids may exceed 2^53), `sync_stock` and
 * `stock_change_count` echoed as they came.
 */
export function stockSyncListJson(records: readonly StockAckRecord[]): string {
	return JSON.stringify(
		records.map((r) => ({ rec_id: r.recId, sync_stock: r.syncStock, stock_change_count: r.stockChangeCount })),
	);
}

export const stockAck: BatchedOperation<StockAckRecord> = {
	script: 'api_goods_stock_change_ack.php',
	batchParams: (records) => ({ stock_sync_list: stockSyncListJson(records) }),
	mappings: [
		{ parameter: 'recId', field: 'rec_id' },
		{ parameter: 'syncStock', field: 'sync_stock' },
		{ parameter: 'stockChangeCount', field: 'stock_change_count' },
	],
	validate: (values) => validateStockAckRecord(values.rec_id, values.sync_stock, values.stock_change_count),
	identity: recIdIdentity,
	sentFields: (record) => ({ recId: record.recId, syncStock: record.syncStock, stockChangeCount: record.stockChangeCount }),
	errorEntryKey: recIdEntryKey,
	words: acknowledgeWords('Get Changes'),
};
