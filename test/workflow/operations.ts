/**
 * Every operation on the batched engine, and every pending-list query, as the tests that run over
 * all of them see it: the node parameters that pick it, the script it calls, how to give the mock
 * gateway records of each kind, and how to read what the gateway received and kept. A new
 * operation on the engine adds one entry here: the engine's tests (batchedEngine.test.ts) run over
 * every entry, the reliability suites (test/reliability) over every entry that says what they need
 * (a `ReliabilityProfile`, listed in RELIABLE).
 */
import type { IDataObject } from 'n8n-workflow';

import { acknowledgeWords } from '../../nodes/Wangdiantong/core/batched/acknowledging';
import type { OperationWords } from '../../nodes/Wangdiantong/core/batched/operation';
import { pushWords } from '../../nodes/Wangdiantong/core/batched/pushing';
import { order, refund, sku } from '../fixtures/orders';
import type { MockGateway, RequestRecord } from '../mock/gateway';
import { fieldMissing, PAID_INCORRECT, RECORD_NOT_FOUND, REFUND_TRADE_NOT_FOUND, STOCK_RECORD_NOT_FOUND } from '../mock/messages';
import { GOODS_PUSH_INPUT, LOGISTICS_INPUT, REFUND_PUSH_INPUT, STOCK_INPUT, TRADE_PUSH_INPUT, type InputRules, type PushInputRules } from '../reliability/badItems';
import type { Rng } from '../reliability/prng';

export interface BatchedProfile {
	name: string;
	parameters: IDataObject;
	/** The script, as the gateway's request log names it (no `.php`). */
	api: string;
	listParameter: string;
	/** When the list parameter is an object: the field of it that holds the list. */
	listIn?: string;
	/** The ERP's limit on records per call. */
	maxBatch: number;
	/** The object each output item carries. */
	outputKey: string;
	/** `count` records the gateway holds and will accept, as the node's input items. */
	acceptableItems(gateway: MockGateway, count: number): IDataObject[];
}

export interface SeedOptions {
	/** Records an earlier ack already took (the run must treat them as the profile's `alreadyDone` says). */
	done?: boolean;
	/** The first of consecutive rec_ids, instead of generated ones. */
	firstRecId?: string;
	/** Vary what the item may choose (a status, a message; a number or the same number as text). */
	rng?: Rng;
}

/** One accepted list element, in the order the gateway accepted them, as it kept it. */
export interface LedgerView {
	requestNumber: number;
	element: IDataObject;
}

/** What the reliability suites need of an operation besides what the engine's tests do. */
export interface ReliabilityProfile extends BatchedProfile {
	/** The operation's words (core/batched/): its output key, flags and the Stop error's counts. */
	words: OperationWords;
	/** A record's id in a list element, an input item or a ledger element, as the gateway compares it. */
	id(element: Readonly<Record<string, unknown>>): string;
	/** The list element an input item makes (read by the default mappings), as the item gives it. */
	element(item: IDataObject): IDataObject;
	/** What the output object says was sent for an element, by its output names. */
	sentOutput(element: IDataObject): IDataObject;
	/** `count` records the gateway holds and will accept, as the node's input items. */
	acceptableItems(gateway: MockGateway, count: number, options?: SeedOptions): IDataObject[];
	/**
	 * Input items for records the gateway refuses (`notFound`), made with ids `recIds`: records it
	 * does not know (the acks), an order its rules refuse, a refund of an order never pushed, a SKU
	 * row it refuses. How it refuses them is `refusal`.
	 */
	unknownItems(gateway: MockGateway, recIds: readonly string[], rng?: Rng): IDataObject[];
	notFound: string;
	/**
	 * How the gateway refuses an unknown record: `perRecord`, in the `errors` of a code-0 answer
	 * (the acks, goods); `listed`, a refusal naming it by id, the node sending the rest again
	 * (trade); `wholeCall`, a refusal of its whole call in plain text (refund).
	 */
	refusal: 'perRecord' | 'listed' | 'wholeCall';
	/**
	 * What the gateway answers for a record an earlier call took: an error the node reads as
	 * done with `noLongerPending` (logistics: 非待同步状态), or a plain acceptance (stock; every
	 * push, where a re-push is an update).
	 */
	alreadyDone: 'noLongerPending' | 'accepted';
	/** Every element the gateway accepted (no per-record error), as it kept it. */
	ledger(gateway: MockGateway): LedgerView[];
	/** An element as the gateway keeps it: the id canonical, values as it reads them. */
	ledgered(element: IDataObject): IDataObject;
	/**
	 * The field an entry of a code-0 answer's `errors` names its record by (hostileResponses.test.ts):
	 * rec_id for the acks, goods_id (with spec_id) for goods. Trade and refund answers carry no
	 * `errors`, but the node reads one keyed by tid / refund_no if it comes.
	 */
	errorsKey: string;
}

export interface QueryProfile {
	name: string;
	parameters: IDataObject;
	api: string;
	/** Gives shop `shopNo` `count` records waiting. */
	seed(gateway: MockGateway, count: number, shopNo: string): void;
}

/**
 * The acks' element, id and output, from their fields (`[element, output]`, the record's id first):
 * each field is also the input item's key the default mapping reads, and has a name in the output
 * object (`rec_id` → `recId`), which is also the node parameter that maps it.
 */
function byFields(fields: ReadonlyArray<readonly [element: string, output: string]>) {
	return {
		fields,
		id: (element: Readonly<Record<string, unknown>>) => String(element[fields[0][0]]),
		element: (item: IDataObject) => Object.fromEntries(fields.flatMap(([field]) => (item[field] === undefined ? [] : [[field, item[field]]]))),
		sentOutput: (element: IDataObject) => Object.fromEntries(fields.flatMap(([field, output]) => (element[field] === undefined ? [] : [[output, element[field]]]))),
	};
}

/** An ack profile: the fields its bad-input tests map one by one (badInput.test.ts). */
export type AckProfile = ReliabilityProfile & {
	fields: ReadonlyArray<readonly [element: string, output: string]>;
	/** What makes an item unsendable, and which sent elements the gateway refuses (badInput.test.ts). */
	input: InputRules;
};

/** Digits without leading zeros: a rec_id as the gateway compares and keeps it. */
export function canonical(recId: string): string {
	const stripped = recId.trim().replace(/^0+/, '');
	return stripped === '' ? '0' : stripped;
}

/** The rec_ids the gateway is to create, or none (it generates them). */
const recIdInputs = (count: number, first: string | undefined) =>
	Array.from({ length: count }, (_, i) => (first === undefined ? {} : { rec_id: BigInt(first) + BigInt(i) }));

const MESSAGES = ['', '已同步', '平台接口超时', 'tracking pushed 📦', 'a&b=c+d%20#e\nnext line & sign=?', '失败: 单号重复'];

function logisticsItem(recId: string, rng: Rng | undefined): IDataObject {
	if (rng === undefined) return { rec_id: recId, status: 0 };
	const message = rng.pick(MESSAGES);
	return { rec_id: recId, status: rng.chance(0.7) ? 0 : 1, ...(message === '' ? {} : { message }) };
}

/** A stock value echoed as the query gave it, or (now and then) as the same number in text. */
const echo = (value: number, rng: Rng | undefined) => (rng?.chance(0.3) ? String(value) : value);

export const LOGISTICS_ACK: AckProfile = {
	name: 'Logistics Sync → Acknowledge',
	parameters: { resource: 'logisticsSync', operation: 'acknowledge' },
	api: 'logistics_sync_ack',
	listParameter: 'logistics_list',
	maxBatch: 100,
	outputKey: 'wdtAck',
	words: acknowledgeWords('Get Pending'),
	...byFields([['rec_id', 'recId'], ['status', 'status'], ['message', 'message']]),
	acceptableItems: (gateway, count, { done, firstRecId, rng } = {}) => {
		const inputs = recIdInputs(count, firstRecId);
		const records = done ? gateway.addAcknowledged(inputs) : gateway.addPending(inputs);
		return records.map(({ rec_id }) => logisticsItem(rec_id, rng));
	},
	unknownItems: (_gateway, recIds, rng) => recIds.map((recId) => logisticsItem(recId, rng)),
	notFound: RECORD_NOT_FOUND,
	refusal: 'perRecord',
	alreadyDone: 'noLongerPending',
	ledger: (gateway) =>
		gateway.ledger.map(({ recId, status, message, requestNumber }) => ({ requestNumber, element: { rec_id: recId, status, message } })),
	errorsKey: 'rec_id',
	ledgered: ({ rec_id, status, message }) => ({ rec_id: canonical(String(rec_id)), status, message: message ?? '' }),
	input: LOGISTICS_INPUT,
};

export const STOCK_ACK: AckProfile = {
	name: 'Stock Sync → Acknowledge',
	parameters: { resource: 'stockSync', operation: 'acknowledge' },
	api: 'api_goods_stock_change_ack',
	listParameter: 'stock_sync_list',
	maxBatch: 100,
	outputKey: 'wdtAck',
	words: acknowledgeWords('Get Changes'),
	...byFields([['rec_id', 'recId'], ['sync_stock', 'syncStock'], ['stock_change_count', 'stockChangeCount']]),
	acceptableItems: (gateway, count, { done, firstRecId, rng } = {}) => {
		const inputs = recIdInputs(count, firstRecId);
		const changes = done ? gateway.addStockSynced(inputs) : gateway.addStockChanges(inputs);
		return changes.map((change) => ({ ...change, sync_stock: echo(change.sync_stock, rng), stock_change_count: echo(change.stock_change_count, rng) }));
	},
	unknownItems: (_gateway, recIds, rng) =>
		recIds.map((recId) => ({ rec_id: recId, sync_stock: echo(rng?.int(0, 500) ?? 5, rng), stock_change_count: echo(rng?.int(1, 9) ?? 1, rng) })),
	notFound: STOCK_RECORD_NOT_FOUND,
	refusal: 'perRecord',
	alreadyDone: 'accepted',
	ledger: (gateway) =>
		gateway.stockLedger.map(({ recId, syncStock, stockChangeCount, requestNumber }) => ({
			requestNumber,
			element: { rec_id: recId, sync_stock: syncStock, stock_change_count: stockChangeCount },
		})),
	errorsKey: 'rec_id',
	ledgered: ({ rec_id, sync_stock, stock_change_count }) => ({
		rec_id: canonical(String(rec_id)),
		sync_stock: Number(sync_stock),
		stock_change_count: Number(stock_change_count),
	}),
	input: STOCK_INPUT,
};

/** A push profile: the fields its bad-input tests vary, and the node's rule for them (badInput.test.ts). */
export type PushProfile = ReliabilityProfile & { pushInput: PushInputRules };

const PUSH_SHOP = 'mock-shop';

/** Ids no other call on this gateway gave out, so that pending, done and unknown records never meet. */
const issued = new WeakMap<MockGateway, number>();
function freshIds(gateway: MockGateway, count: number): number[] {
	const first = issued.get(gateway) ?? 0;
	issued.set(gateway, first + count);
	return Array.from({ length: count }, (_, i) => first + i);
}

/** A date-time as the push operations send it: Beijing time, no zone (the fixtures' are all +08:00). */
const beijing = (element: IDataObject): IDataObject =>
	Object.fromEntries(
		Object.entries(element).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)\+08:00$/, '$1 $2') : value]),
	);

/** Now and then a memo of free text (a `& sign=?` among them), so that every push sends varied text. */
const memo = (rng: Rng | undefined): IDataObject => {
	const text = rng === undefined ? '' : rng.pick(MESSAGES);
	return text === '' ? {} : { seller_memo: text };
};

/** A push's ledger: every save a request of the run made (seeds are request 0), as the gateway keeps the record. */
function pushLedger<E extends { requestNumber: number }>(entries: readonly E[], kept: (entry: E) => IDataObject | undefined): LedgerView[] {
	return entries.filter((entry) => entry.requestNumber > 0).map((entry) => ({ requestNumber: entry.requestNumber, element: kept(entry) ?? {} }));
}

/**
 * Trade → Push. The whole item is the order (Map Automatically); it is kept by tid, a re-push
 * updating it. An order the mock's rules refuse (paid that is not the receivable) is named by tid
 * in the refusal, and the node pushes the rest again.
 */
export const TRADE_PUSH: PushProfile = {
	name: 'Trade → Push',
	parameters: { resource: 'trade', operation: 'push', shopNo: PUSH_SHOP },
	api: 'trade_push',
	listParameter: 'trade_list',
	maxBatch: 50,
	outputKey: pushWords.outputKey,
	words: pushWords,
	id: (element) => String(element.tid),
	element: (item) => ({ ...item }),
	sentOutput: (element) => ({ tid: element.tid }),
	acceptableItems: (gateway, count, { done, rng } = {}) => {
		gateway.addShop(PUSH_SHOP);
		const items = freshIds(gateway, count).map((n) => order(`T${n}`, memo(rng)));
		if (done) gateway.addPushedTrades(items.map((item) => ({ ...item, tid: String(item.tid) })), PUSH_SHOP);
		return items;
	},
	unknownItems: (gateway, recIds) => {
		gateway.addShop(PUSH_SHOP);
		return recIds.map((recId) => order(`X${recId}`, { paid: 1 }));
	},
	notFound: PAID_INCORRECT,
	refusal: 'listed',
	alreadyDone: 'accepted',
	ledger: (gateway) => pushLedger(gateway.tradeLedger, ({ tid }) => gateway.pushedTrade(tid)?.trade as IDataObject | undefined),
	ledgered: beijing,
	errorsKey: 'tid',
	pushInput: TRADE_PUSH_INPUT,
};

/**
 * Refund → Push: the whole item is the refund, sent with the shop; kept by refund_no. A refund of
 * an order never pushed makes the gateway refuse its whole call in plain text.
 */
export const REFUND_PUSH: PushProfile = {
	name: 'Refund → Push',
	parameters: { resource: 'refund', operation: 'push', shopNo: PUSH_SHOP },
	api: 'sales_refund_push',
	listParameter: 'api_refund_list',
	maxBatch: 10,
	outputKey: pushWords.outputKey,
	words: pushWords,
	id: (element) => String(element.refund_no),
	element: (item) => ({ ...item }),
	sentOutput: (element) => ({ refundNo: element.refund_no }),
	acceptableItems: (gateway, count, { done, rng } = {}) => {
		const ids = freshIds(gateway, count);
		gateway.addPushedTrades(ids.map((n) => ({ tid: `RT${n}` })), PUSH_SHOP);
		const items = ids.map((n) => refund(`R${n}`, `RT${n}`, rng?.chance(0.5) ? { reason: rng.pick(MESSAGES) } : {}));
		if (done) {
			for (const item of items) gateway.saveRefund({ refundNo: String(item.refund_no), tid: String(item.tid), shopNo: PUSH_SHOP, requestNumber: 0, refund: item });
		}
		return items;
	},
	unknownItems: (_gateway, recIds) => recIds.map((recId) => refund(`RX${recId}`, `NEVER${recId}`)),
	notFound: REFUND_TRADE_NOT_FOUND,
	refusal: 'wholeCall',
	alreadyDone: 'accepted',
	ledger: (gateway) => pushLedger(gateway.refundLedger, ({ refundNo }) => gateway.pushedRefund(refundNo)?.refund as IDataObject | undefined),
	ledgered: (element) => beijing({ ...element, platform_id: 127, shop_no: PUSH_SHOP }),
	errorsKey: 'refund_no',
	pushInput: REFUND_PUSH_INPUT,
};

/**
 * Goods Spec → Push: the whole item is a row of the one `api_goods_info` object, kept by shop +
 * goods_id + spec_id. A row with an empty spec_id whose product has another SKU saved is refused
 * in the answer's `errors`.
 */
export const GOODS_PUSH: PushProfile = {
	name: 'Goods Spec → Push',
	parameters: { resource: 'goods', operation: 'push', shopNo: PUSH_SHOP },
	api: 'api_goodsspec_push',
	listParameter: 'api_goods_info',
	listIn: 'goods_list',
	maxBatch: 2000,
	outputKey: pushWords.outputKey,
	words: pushWords,
	id: (element) => `${String(element.goods_id)}/${String(element.spec_id ?? '')}`,
	element: (item) => ({ ...item }),
	sentOutput: (element) => ({ goodsId: element.goods_id, specId: element.spec_id }),
	acceptableItems: (gateway, count, { done, rng } = {}) => {
		gateway.addShop(PUSH_SHOP);
		const items = freshIds(gateway, count).map((n) => sku(`G${n}`, `S${n}`, rng?.chance(0.5) ? { goods_name: rng.pick(MESSAGES) || '茶杯' } : {}));
		if (done) {
			for (const row of items) gateway.saveGoodsSpec({ shopNo: PUSH_SHOP, goodsId: String(row.goods_id), specId: String(row.spec_id), requestNumber: 0, row });
		}
		return items;
	},
	unknownItems: (gateway, recIds) => {
		gateway.addShop(PUSH_SHOP);
		return recIds.map((recId) => {
			gateway.saveGoodsSpec({ shopNo: PUSH_SHOP, goodsId: `U${recId}`, specId: 'S1', requestNumber: 0, row: sku(`U${recId}`, 'S1') });
			return sku(`U${recId}`, '');
		});
	},
	notFound: fieldMissing('spec_id'),
	refusal: 'perRecord',
	alreadyDone: 'accepted',
	ledger: (gateway) =>
		pushLedger(gateway.goodsSpecLedger, ({ shopNo, goodsId, specId }) => gateway.pushedGoodsSpec(shopNo, goodsId, specId)?.row as IDataObject | undefined),
	ledgered: (element) => element,
	errorsKey: 'goods_id',
	pushInput: GOODS_PUSH_INPUT,
};

/** The acks: the operations whose every field the bad-input suite maps one by one. */
export const ACKS: readonly AckProfile[] = [LOGISTICS_ACK, STOCK_ACK];

/** The pushes whose record's fields the bad-input suite varies within the whole item. */
export const PUSHES_WITH_INPUT_RULES: readonly PushProfile[] = [TRADE_PUSH, REFUND_PUSH, GOODS_PUSH];

/** The operations the reliability suites run over. */
export const RELIABLE: readonly ReliabilityProfile[] = [LOGISTICS_ACK, STOCK_ACK, TRADE_PUSH, REFUND_PUSH, GOODS_PUSH];

/**
 * Operations on the engine whose profiles do not say yet what the reliability suites need: the
 * suites skip these, and only these.
 */
export const NOT_YET_RELIABLE: readonly string[] = [];

export const BATCHED: readonly BatchedProfile[] = [
	...RELIABLE,
];

export const QUERIES: readonly QueryProfile[] = [
	{
		name: 'Logistics Sync → Get Pending',
		parameters: { resource: 'logisticsSync', operation: 'getPending' },
		api: 'logistics_sync_query',
		seed: (gateway, count, shopNo) => void gateway.seedPending(count, { shopNo }),
	},
	{
		name: 'Stock Sync → Get Changes',
		parameters: { resource: 'stockSync', operation: 'getChanges' },
		api: 'api_goods_stock_change_query',
		seed: (gateway, count, shopNo) => void gateway.seedStockChanges(count, shopNo),
	},
];

/** The list a batch request carried, parsed. */
export function sentList(request: RequestRecord, profile: BatchedProfile): IDataObject[] {
	const parsed = JSON.parse(request.params[profile.listParameter] ?? '[]') as IDataObject[] | IDataObject;
	return (profile.listIn === undefined ? parsed : (parsed as IDataObject)[profile.listIn]) as IDataObject[];
}

/** A record's id in a list element or input item, as text. */
export const idOf = (profile: ReliabilityProfile, element: Readonly<Record<string, unknown>>): string => profile.id(element);

/** The list element an input item (read by the default mappings) makes. */
export const elementOf = (profile: ReliabilityProfile, item: IDataObject): IDataObject => profile.element(item);

/** What the output object says was sent for an element, by its output names. */
export const sentOutput = (profile: ReliabilityProfile, element: IDataObject): IDataObject => profile.sentOutput(element);
