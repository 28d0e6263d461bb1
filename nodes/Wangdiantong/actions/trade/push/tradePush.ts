/**
 * `trade_push.php` on the batched-operation engine: `shop_no` and the `trade_list` it sends, the
 * call's counts, and the per-order refusals its `message` can list (docs/PROTOCOL.md, "trade_push").
 */
import type { BatchedOperation, EntryKey, OperationWords } from '../../../core/batched/operation';
import type { GatewayFailure } from '../../../core/failure';
import { parseJsonLossless } from '../../../core/json';
import { isPlainObject } from '../../../core/plainObject';
import { checkOrder, type TradeRecord } from './order';

const tidOf = (value: unknown): string | undefined =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;

function tidEntryKey(entry: Record<string, unknown>): EntryKey {
	if (entry.tid === undefined || entry.tid === null || entry.tid === '') return { kind: 'missing' };
	const tid = tidOf(entry.tid);
	return tid === undefined ? { kind: 'foreign' } : { kind: 'key', key: tid };
}

/**
 * A refusal whose `message` is JSON text of `[{tid, error}]` names the orders it refused; a plain
 * text names none (the call was refused as a whole). Two public clients read it this way.
 */
export function refusedOrders(failure: GatewayFailure): ReadonlyMap<string, string> | undefined {
	const text = failure.kind === 'erp' ? (failure.erpMessage ?? '').trim() : '';
	if (!text.startsWith('[')) return undefined;
	let list: unknown;
	try {
		list = parseJsonLossless(text);
	} catch {
		return undefined;
	}
	if (!Array.isArray(list)) return undefined;
	const refused = new Map<string, string>();
	for (const entry of list) {
		const tid = isPlainObject(entry) ? tidOf(entry.tid) : undefined;
		if (tid === undefined || refused.has(tid)) continue;
		const error = isPlainObject(entry) && typeof entry.error === 'string' && entry.error !== '' ? entry.error : 'The ERP refused this order without a reason';
		refused.set(tid, error);
	}
	return refused.size > 0 ? refused : undefined;
}

const pushWords: OperationWords = {
	outputKey: 'wdtPush',
	doneFlag: 'pushed',
	possiblyDoneFlag: 'possiblyPushed',
	verb: 'push',
	done: 'Pushed',
	notDone: 'Not pushed',
	possiblyDone: 'Possibly pushed',
	notDoneMeans: 'not in the ERP from this run: push them again, a re-push of a tid is an update',
	mayBeDone: 'the order may be in the ERP already, and pushing it again is safe (a re-push of a tid is an update)',
};

/** The operation for one shop: `shop_no` goes with every call. */
export function tradePush(shopNo: string): BatchedOperation<TradeRecord> {
	return {
		script: 'trade_push.php',
		// Serialised once per call; Chinese and emoji unescaped, like the vendor's JSON_UNESCAPED_UNICODE.
		batchParams: (records) => ({ shop_no: shopNo, trade_list: JSON.stringify(records.map((record) => record.trade)) }),
		mappings: [
			{ parameter: 'trade', field: 'order' },
			{ parameter: 'orderLines', field: 'order_list' },
		],
		validate: (values) => checkOrder(values.order, values.order_list),
		identity: {
			field: 'tid',
			outputName: 'tid',
			of: (record) => record.tid,
			key: (record) => record.tid,
			duplicateError: (tid, firstItem) => `tid ${tid} already appears in item ${firstItem}: each order is pushed once per run`,
		},
		sentFields: (record) => ({ tid: record.tid }),
		errorEntryKey: tidEntryKey,
		answerFields: (data) => {
			const counts: Record<string, unknown> = {};
			if (data.new_count !== undefined) counts.newCount = data.new_count;
			if (data.chg_count !== undefined) counts.chgCount = data.chg_count;
			return counts;
		},
		refusedRecords: refusedOrders,
		words: pushWords,
	};
}
