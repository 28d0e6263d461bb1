/**
 * Every operation on the batched engine, and every pending-list query, as the tests that run over
 * all of them see it: the node parameters that pick it, the script it calls, how to give the mock
 * gateway records of each kind, and how to read what the gateway received and kept. A new
 * operation on the engine adds one entry here: the engine's tests (batchedEngine.test.ts) run over
 * every entry, the reliability suites (test/reliability) over every entry that says what they need
 * (a `ReliabilityProfile`, listed in RELIABLE).
 */
import type { IDataObject } from 'n8n-workflow';

import { order, refund, sku } from '../fixtures/orders';
import type { MockGateway, RequestRecord } from '../mock/gateway';
import { RECORD_NOT_FOUND, STOCK_RECORD_NOT_FOUND } from '../mock/messages';
import { LOGISTICS_INPUT, STOCK_INPUT, type InputRules } from '../reliability/badItems';
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
	/**
	 * The fields of a list element, the record's id first: each is also the input item's key the
	 * default mapping reads, and has a name in the output object (`rec_id` → `recId`), which is
	 * also the node parameter that maps it.
	 */
	fields: ReadonlyArray<readonly [element: string, output: string]>;
	/** `count` records the gateway holds and will accept, as the node's input items. */
	acceptableItems(gateway: MockGateway, count: number, options?: SeedOptions): IDataObject[];
	/** Input items for records the gateway does not know, refused one by one with `notFound`. */
	unknownItems(recIds: readonly string[], rng?: Rng): IDataObject[];
	notFound: string;
	/**
	 * What the gateway answers for a record an earlier call took: an error the node reads as
	 * Acknowledged with `noLongerPending` (logistics: 非待同步状态), or a plain acceptance (stock).
	 */
	alreadyDone: 'noLongerPending' | 'accepted';
	/** Every element the gateway accepted (no per-record error), as it kept it. */
	ledger(gateway: MockGateway): LedgerView[];
	/** An element as the gateway keeps it: the id canonical, values as it reads them. */
	ledgered(element: IDataObject): IDataObject;
	/** What makes an item unsendable, and which sent elements the gateway refuses (badInput.test.ts). */
	input: InputRules;
}

export interface QueryProfile {
	name: string;
	parameters: IDataObject;
	api: string;
	/** Gives shop `shopNo` `count` records waiting. */
	seed(gateway: MockGateway, count: number, shopNo: string): void;
}

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

export const LOGISTICS_ACK: ReliabilityProfile = {
	name: 'Logistics Sync → Acknowledge',
	parameters: { resource: 'logisticsSync', operation: 'acknowledge' },
	api: 'logistics_sync_ack',
	listParameter: 'logistics_list',
	maxBatch: 100,
	outputKey: 'wdtAck',
	fields: [['rec_id', 'recId'], ['status', 'status'], ['message', 'message']],
	acceptableItems: (gateway, count, { done, firstRecId, rng } = {}) => {
		const inputs = recIdInputs(count, firstRecId);
		const records = done ? gateway.addAcknowledged(inputs) : gateway.addPending(inputs);
		return records.map(({ rec_id }) => logisticsItem(rec_id, rng));
	},
	unknownItems: (recIds, rng) => recIds.map((recId) => logisticsItem(recId, rng)),
	notFound: RECORD_NOT_FOUND,
	alreadyDone: 'noLongerPending',
	ledger: (gateway) =>
		gateway.ledger.map(({ recId, status, message, requestNumber }) => ({ requestNumber, element: { rec_id: recId, status, message } })),
	ledgered: ({ rec_id, status, message }) => ({ rec_id: canonical(String(rec_id)), status, message: message ?? '' }),
	input: LOGISTICS_INPUT,
};

export const STOCK_ACK: ReliabilityProfile = {
	name: 'Stock Sync → Acknowledge',
	parameters: { resource: 'stockSync', operation: 'acknowledge' },
	api: 'api_goods_stock_change_ack',
	listParameter: 'stock_sync_list',
	maxBatch: 100,
	outputKey: 'wdtAck',
	fields: [['rec_id', 'recId'], ['sync_stock', 'syncStock'], ['stock_change_count', 'stockChangeCount']],
	acceptableItems: (gateway, count, { done, firstRecId, rng } = {}) => {
		const inputs = recIdInputs(count, firstRecId);
		const changes = done ? gateway.addStockSynced(inputs) : gateway.addStockChanges(inputs);
		return changes.map((change) => ({ ...change, sync_stock: echo(change.sync_stock, rng), stock_change_count: echo(change.stock_change_count, rng) }));
	},
	unknownItems: (recIds, rng) =>
		recIds.map((recId) => ({ rec_id: recId, sync_stock: echo(rng?.int(0, 500) ?? 5, rng), stock_change_count: echo(rng?.int(1, 9) ?? 1, rng) })),
	notFound: STOCK_RECORD_NOT_FOUND,
	alreadyDone: 'accepted',
	ledger: (gateway) =>
		gateway.stockLedger.map(({ recId, syncStock, stockChangeCount, requestNumber }) => ({
			requestNumber,
			element: { rec_id: recId, sync_stock: syncStock, stock_change_count: stockChangeCount },
		})),
	ledgered: ({ rec_id, sync_stock, stock_change_count }) => ({
		rec_id: canonical(String(rec_id)),
		sync_stock: Number(sync_stock),
		stock_change_count: Number(stock_change_count),
	}),
	input: STOCK_INPUT,
};

/** The operations the reliability suites run over. */
export const RELIABLE: readonly ReliabilityProfile[] = [LOGISTICS_ACK, STOCK_ACK];

/**
 * Operations on the engine whose profiles do not say yet what the reliability suites need (their
 * gateways keep other pools and ledgers, and refuse otherwise): the suites skip these, and only these.
 */
export const NOT_YET_RELIABLE: readonly string[] = ['Trade → Push', 'Refund → Push', 'Goods Spec → Push'];

export const BATCHED: readonly BatchedProfile[] = [
	...RELIABLE,
	{
		name: 'Trade → Push',
		parameters: { resource: 'trade', operation: 'push', shopNo: 'mock-shop' },
		api: 'trade_push',
		listParameter: 'trade_list',
		maxBatch: 50,
		outputKey: 'wdtPush',
		acceptableItems: (gateway, count) => {
			gateway.addShop('mock-shop');
			return Array.from({ length: count }, (_, i) => order(`T${i}`));
		},
	},
	{
		name: 'Refund → Push',
		parameters: { resource: 'refund', operation: 'push', shopNo: 'mock-shop' },
		api: 'sales_refund_push',
		listParameter: 'api_refund_list',
		maxBatch: 10,
		outputKey: 'wdtPush',
		acceptableItems: (gateway, count) => {
			const tids = Array.from({ length: count }, (_, i) => `T${i}`);
			gateway.addPushedTrades(tids.map((tid) => ({ tid })), 'mock-shop');
			return tids.map((tid, i) => refund(`R${i}`, tid));
		},
	},
	{
		name: 'Goods Spec → Push',
		parameters: { resource: 'goods', operation: 'push', shopNo: 'mock-shop' },
		api: 'api_goodsspec_push',
		listParameter: 'api_goods_info',
		listIn: 'goods_list',
		maxBatch: 2000,
		outputKey: 'wdtPush',
		acceptableItems: (gateway, count) => {
			gateway.addShop('mock-shop');
			return Array.from({ length: count }, (_, i) => sku(`G${i}`, `S${i}`));
		},
	},
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
export const idOf = (profile: ReliabilityProfile, element: Readonly<Record<string, unknown>>): string => String(element[profile.fields[0][0]]);

/** The list element an input item (read by the default mappings) makes: its fields that are there. */
export function elementOf(profile: ReliabilityProfile, item: IDataObject): IDataObject {
	return Object.fromEntries(profile.fields.flatMap(([field]) => (item[field] === undefined ? [] : [[field, item[field]]])));
}

/** What the output object says was sent for an element: its fields by their output names. */
export function sentOutput(profile: ReliabilityProfile, element: IDataObject): IDataObject {
	return Object.fromEntries(profile.fields.flatMap(([field, output]) => (element[field] === undefined ? [] : [[output, element[field]]])));
}
