/**
 * The gateway's database: known shops, logistics records (pending or already acknowledged), the
 * ledger of accepted acks, the stock-sync pool (stockPool.ts), the orders trade_push saved
 * (tradePool.ts), the refunds sales_refund_push saved (refundPool.ts) and the platform listings
 * api_goodsspec_push saved (goodsSpecPool.ts), whose methods the store passes on so that they are the gateway's. rec_ids are
 * canonical digit strings throughout (ids.ts).
 *
 * Generated records are deterministic per rec_id (a tiny hash drives the choices), so a seeded
 * gateway looks the same on every run. Field types vary on purpose, as on the wire: ids are
 * strings of digits, while `is_part_sync`, `logistics_type` and `platform_id` are numbers.
 */
import { GoodsSpecPool } from './goodsSpecPool';
import { byRecId, canonicalRecId, digits, hash, RecIdSequence } from './ids';
import { SELF_BUILT_PLATFORM_ID, type ShopInfo } from './pushShop';
import { RefundPool } from './refundPool';
import { StockPool } from './stockPool';
import { TradePool } from './tradePool';
import type { LedgerEntry, LogisticsRecord, PushedTrade, RecordInput, ShopTraits, TradeLedgerEntry } from './types';
import type { GoodsSpecLedgerEntry, PushedGoodsSpec, PushedRefund, RefundLedgerEntry } from './types';
import type { StockChange, StockChangeInput, StockLedgerEntry, StockState } from './types';

export type RecordState = 'unknown' | 'pending' | 'done' | 'locked';

const DEFAULT_SHOP = 'mock-shop';

const CARRIERS = [
	['顺丰速运', 1, 'SF', 'SF'],
	['中通快递', 3, 'ZTO', '7'],
	['圆通速递', 4, 'YTO', 'YT'],
	['韵达快递', 5, 'YUNDA', '4'],
	['申通快递', 6, 'STO', '77'],
	['京东物流', 8, 'JD', 'JDV'],
	['中国邮政EMS', 9, 'EMS', 'E'],
] as const;

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8, no daylight saving). */
function beijingTime(ms: number): string {
	return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A full record for `recId`, with any fields of `input` (but its rec_id) taking precedence. */
function makeRecord(recId: string, shopNo: string, nowMs: number, input: RecordInput): LogisticsRecord {
	const [name, type, codeErp, prefix] = CARRIERS[hash(recId, 1) % CARRIERS.length];
	const tid = digits(recId, 2, 18);
	const oids = Array.from({ length: 1 + (hash(recId, 3) % 3) }, (_, i) => `${tid}${i + 1}`);
	const fields: RecordInput = Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'rec_id'));
	return {
		rec_id: recId, shop_no: shopNo, tid, oids: oids.join(','), is_part_sync: 0,
		logistics_no: prefix + digits(recId, 4, 12),
		logistics_type: type, logistics_name: name, logistics_code_erp: codeErp,
		// Shipped some time in the last six hours.
		consign_time: beijingTime(nowMs - (hash(recId, 5) % (6 * 3600)) * 1000),
		platform_id: 1,
		trade_id: digits(recId, 6, 9).replace(/^0/, '1'),
		...(fields as Omit<RecordInput, 'rec_id'>),
	};
}

/** The database part of MockGateway (gateway.ts extends it): its public methods are the gateway's. */
export class GatewayStore {
	private readonly records = new Map<string, { record: LogisticsRecord; pending: boolean }>();
	readonly shops = new Set<string>();
	/** What addShop was told of a shop; a shop made known otherwise is self-built and enabled. */
	private readonly shopTraits = new Map<string, ShopTraits>();
	private readonly ids = new RecIdSequence();
	/** Pending records whose acks are refused every time: they stay in the pool for ever. */
	private readonly locked = new Set<string>();
	private readonly stock = new StockPool(this.ids, this.shops, DEFAULT_SHOP);
	/** Accepted logistics acks, in order. Live: it grows as requests arrive. */
	readonly ledger: LedgerEntry[] = [];
	/** Accepted elements of stock acks (`stock_sync_list`), in order. Live, as `ledger` is. */
	readonly stockLedger: readonly StockLedgerEntry[] = this.stock.ledger;
	private readonly trades = new TradePool();
	/** Every order trade_push.php saved, in order: `{tid, requestNumber, created}`. Live. */
	readonly tradeLedger: readonly TradeLedgerEntry[] = this.trades.ledger;
	private readonly refunds = new RefundPool();
	/** Every refund sales_refund_push.php saved, in order: `{refundNo, tid, requestNumber, created}`. Live. */
	readonly refundLedger: readonly RefundLedgerEntry[] = this.refunds.ledger;
	private readonly goodsSpecs = new GoodsSpecPool();
	/** Every row api_goodsspec_push.php saved, in order: `{shopNo, goodsId, specId, requestNumber, created}`. Live. */
	readonly goodsSpecLedger: readonly GoodsSpecLedgerEntry[] = this.goodsSpecs.ledger;

	constructor(protected readonly clock: () => number) {}

	/**
	 * Makes a shop known. `traits` matter to the push scripts only: `{ platformId: 1 }` makes it a
	 * shop they refuse as not self-built, `{ disabled: true }` a disabled one. Left out, a trait
	 * keeps what it was (at first: platform 127, enabled).
	 */
	addShop(shopNo: string, traits: ShopTraits = {}): void {
		this.shops.add(shopNo);
		this.shopTraits.set(shopNo, { ...this.shopTraits.get(shopNo), ...traits });
	}

	/** A known shop's platform and state, as the push scripts check them; undefined if unknown. */
	shopInfo(shopNo: string | undefined): ShopInfo | undefined {
		if (shopNo === undefined || !this.shops.has(shopNo)) return undefined;
		const traits = this.shopTraits.get(shopNo);
		return { platformId: traits?.platformId ?? SELF_BUILT_PLATFORM_ID, disabled: traits?.disabled ?? false };
	}

	/** Adds waiting records; missing fields (even rec_id) are generated. Returns them as stored. */
	addPending(inputs: readonly RecordInput[]): LogisticsRecord[] {
		return this.add(inputs, true);
	}

	/** Known records that are no longer waiting: acking them gets `非待同步状态,不可更新`. */
	addAcknowledged(inputs: readonly RecordInput[]): LogisticsRecord[] {
		return this.add(inputs, false);
	}

	private add(inputs: readonly RecordInput[], pending: boolean): LogisticsRecord[] {
		return inputs.map((input) => {
			const recId = this.ids.take(input.rec_id);
			const record = makeRecord(recId, input.shop_no ?? DEFAULT_SHOP, this.clock(), input);
			this.shops.add(record.shop_no);
			this.records.set(recId, { record, pending });
			return record;
		});
	}

	/** `count` generated records with consecutive rec_ids for one shop (which becomes known). */
	seedPending(count: number, options: { shopNo?: string; firstRecId?: bigint | string | number } = {}): LogisticsRecord[] {
		const shopNo = options.shopNo ?? DEFAULT_SHOP;
		this.addShop(shopNo);
		if (options.firstRecId !== undefined) this.ids.restartAt(options.firstRecId);
		return this.addPending(Array.from({ length: count }, () => ({ shop_no: shopNo })));
	}

	/** Waiting records in ascending rec_id order, optionally of one shop. */
	pending(shopNo?: string): LogisticsRecord[] {
		const waiting = [...this.records.values()].filter((r) => r.pending).map((r) => r.record);
		return waiting.filter((r) => shopNo === undefined || r.shop_no === shopNo).sort(byRecId);
	}

	/** Pending records whose every ack is refused (`记录已锁定,暂不可更新`): they never leave the pool. */
	lockRecords(rawRecIds: readonly string[]): void {
		for (const raw of rawRecIds) this.locked.add(canonicalRecId(raw) ?? '');
	}

	/** Where a rec_id (as received) stands: not a known record, still waiting, or already done. */
	recordState(rawRecId: string): RecordState {
		const recId = canonicalRecId(rawRecId) ?? '';
		const stored = this.records.get(recId);
		if (stored === undefined) return 'unknown';
		if (stored.pending && this.locked.has(recId)) return 'locked';
		return stored.pending ? 'pending' : 'done';
	}

	/** Accepts one ack of a pending record (recordState said so): it leaves the pool for the ledger. */
	accept(rawRecId: string, status: 0 | 1, message: string, requestNumber: number): void {
		const recId = canonicalRecId(rawRecId) ?? '';
		const stored = this.records.get(recId);
		if (!stored?.pending) throw new Error(`rec_id ${rawRecId} is not pending`);
		stored.pending = false;
		this.ledger.push({ recId, status, message, requestNumber });
	}

	// The stock-sync pool (stockPool.ts). Its changes are copies: changing one changes nothing here.

	/** `count` generated stock changes, pending, for a shop that becomes known. */
	seedStockChanges(count: number, shopNo = DEFAULT_SHOP): StockChange[] {
		this.addShop(shopNo);
		return this.stock.add(Array.from({ length: count }, () => ({ shop_no: shopNo })), true);
	}

	/** Adds pending stock changes; missing fields (even rec_id) are generated. */
	addStockChanges(inputs: readonly StockChangeInput[]): StockChange[] {
		return this.stock.add(inputs, true);
	}

	/** Known stock changes already synced: an ack of one is accepted and changes nothing. */
	addStockSynced(inputs: readonly StockChangeInput[]): StockChange[] {
		return this.stock.add(inputs, false);
	}

	/** The stock changed (say, between a query and its ack): new sync_stock, count + 1, pending. */
	changeStock(recId: string | number | bigint, syncStock: number): StockChange {
		return this.stock.change(recId, syncStock);
	}

	/** Stock changes waiting for an ack with their current count, ascending rec_id, optionally of one shop. */
	stockPending(shopNo?: string): StockChange[] {
		return this.stock.pending(shopNo);
	}

	/** Where a rec_id (as received) stands in the stock pool. */
	stockState(rawRecId: string | number | bigint): StockState {
		return this.stock.state(rawRecId);
	}

	/** One accepted ack element of a known stock change (stockState said so); true if it cleared it. */
	acceptStock(rawRecId: string, syncStock: number, stockChangeCount: number, requestNumber: number): boolean {
		return this.stock.acknowledge(rawRecId, syncStock, stockChangeCount, requestNumber);
	}

	// The orders of trade_push.php (tradePool.ts). What they give out are copies.

	/** The order saved last under `tid` (its trade_list entry as decoded, shop, request), or undefined. */
	pushedTrade(tid: string): PushedTrade | undefined {
		return this.trades.get(tid);
	}

	/** Orders known before any request (say, for a refund to refer to): not ledgered, request 0. */
	addPushedTrades(trades: ReadonlyArray<Record<string, unknown> & { tid: string }>, shopNo = DEFAULT_SHOP): void {
		this.addShop(shopNo);
		for (const trade of trades) this.trades.seed({ tid: trade.tid, shopNo, requestNumber: 0, trade });
	}

	/** Saves an order trade_push.php accepted; true if its tid was new (created), false if updated. */
	saveTrade(pushed: PushedTrade): boolean {
		return this.trades.save(pushed);
	}

	// The refunds of sales_refund_push.php (refundPool.ts). What they give out are copies.

	/** The refund saved last under `refundNo` (its api_refund_list entry as decoded, …), or undefined. */
	pushedRefund(refundNo: string): PushedRefund | undefined {
		return this.refunds.get(refundNo);
	}

	/** Saves a refund sales_refund_push.php accepted; true if its refund_no was new, false if updated. */
	saveRefund(pushed: PushedRefund): boolean {
		return this.refunds.save(pushed);
	}

	// The platform listings of api_goodsspec_push.php (goodsSpecPool.ts). What they give out are copies.

	/** The row saved last under shop + goods_id + spec_id ('' for none), or undefined. */
	pushedGoodsSpec(shopNo: string, goodsId: string, specId = ''): PushedGoodsSpec | undefined {
		return this.goodsSpecs.get(shopNo, goodsId, specId);
	}

	/** The spec_ids saved for one product of one shop. */
	goodsSpecIds(shopNo: string, goodsId: string): string[] {
		return this.goodsSpecs.specIds(shopNo, goodsId);
	}

	/** Saves a row api_goodsspec_push.php accepted; true if its shop + goods_id + spec_id was new. */
	saveGoodsSpec(pushed: PushedGoodsSpec): boolean {
		return this.goodsSpecs.save(pushed);
	}

	/** Empties records, shops, the pools and ledgers; generated ids start again from 100001. */
	reset(): void {
		for (const part of [this.locked, this.records, this.shops, this.shopTraits]) part.clear();
		this.stock.clear();
		this.trades.clear();
		this.refunds.clear();
		this.goodsSpecs.clear();
		this.ledger.length = 0;
		this.ids.restartAt();
	}
}
