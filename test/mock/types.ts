/** Shapes shared by the mock gateway's parts: options, records, faults and what it observed. */

export interface MockAccount {
	sid: string;
	appKey: string;
	appSecret: string;
	/** A disabled appkey is answered with code 1007. */
	disabled?: boolean;
}

/** One record of `logistics_sync_query`. Numeric fields vary in type on purpose, as on the wire. */
export interface LogisticsRecord {
	rec_id: string;
	shop_no: string;
	tid: string;
	oids: string;
	is_part_sync: number;
	logistics_no: string;
	logistics_type: number;
	logistics_name: string;
	logistics_code_erp: string;
	consign_time: string;
	platform_id: number;
	trade_id: string;
}

/** What `addPending` accepts: any field may be given; the rest is generated. */
export type RecordInput = Partial<Omit<LogisticsRecord, 'rec_id'>> & { rec_id?: string | number | bigint };

/**
 * One record of `api_goods_stock_change_query`: a platform listing (goods_id/spec_id, the seller's
 * spec_no) whose stock `sync_stock` must be pushed. The ack echoes `sync_stock` and
 * `stock_change_count`; every change of the stock bumps the count, so an ack made stale by a newer
 * change does not clear the record. Fields as public clients read them (docs/PROTOCOL.md, "Stock
 * sync"); `platform_id` is ours, and the real record has more. Ids are digit strings, the two
 * stock fields numbers.
 */
export interface StockChange {
	rec_id: string;
	shop_no: string;
	platform_id: number;
	goods_id: string;
	spec_id: string;
	goods_no: string;
	spec_no: string;
	sync_stock: number;
	stock_change_count: number;
}

/** What `addStockChanges` and `addStockSynced` accept: any field may be given; the rest is generated. */
export type StockChangeInput = Partial<Omit<StockChange, 'rec_id'>> & { rec_id?: string | number | bigint };

/** Where a rec_id stands in the stock pool: not known, waiting to be pushed, or synced (acked). */
export type StockState = 'unknown' | 'pending' | 'synced';

/**
 * One element of a `stock_sync_list` the gateway accepted (answered without a per-record error),
 * in order: the values as echoed, and `applied` when it cleared a pending record. Not applied: the
 * count was stale (the record stays pending) or the record had been synced already.
 */
export interface StockLedgerEntry {
	recId: string;
	syncStock: number;
	stockChangeCount: number;
	requestNumber: number;
	applied: boolean;
}

/**
 * What the push scripts (trade_push and its kin) check of a shop, beside its being known: its
 * platform in the ERP, 127 being 自有 (self-built), the only one they serve; and whether it is
 * disabled. The queries and acks ignore both. Given to `addShop`; what is left out stays as it was.
 */
export interface ShopTraits {
	/** Default 127 (self-built). */
	platformId?: number;
	/** Default false. */
	disabled?: boolean;
}

/**
 * One order saved by `trade_push.php`, the last version pushed under its `tid`: the `trade_list`
 * entry as decoded (numbers as sent, integers beyond 2^53 as digit text), its shop, and the
 * request that saved it (0 when a test added it with `addPushedTrades`).
 */
export interface PushedTrade {
	tid: string;
	shopNo: string;
	requestNumber: number;
	trade: Record<string, unknown>;
}

/** Every save of an order by `trade_push.php`, in order: `created` for a new tid, false for an update. */
export interface TradeLedgerEntry {
	tid: string;
	requestNumber: number;
	created: boolean;
}

/**
 * One refund saved by `sales_refund_push.php`, the last version pushed under its `refund_no`: the
 * `api_refund_list` entry as decoded, its shop and order (tid), and the request that saved it.
 */
export interface PushedRefund {
	refundNo: string;
	tid: string;
	shopNo: string;
	requestNumber: number;
	refund: Record<string, unknown>;
}

/** Every save of a refund by `sales_refund_push.php`, in order: `created` for a new refund_no. */
export interface RefundLedgerEntry {
	refundNo: string;
	tid: string;
	requestNumber: number;
	created: boolean;
}

/**
 * One row saved by `api_goodsspec_push.php` (a platform listing, 平台货品), the last version pushed
 * under its shop + goods_id + spec_id: the `goods_list` row as decoded and the request that saved it.
 * `specId` is '' for a row without one (a product with a single SKU).
 */
export interface PushedGoodsSpec {
	shopNo: string;
	goodsId: string;
	specId: string;
	requestNumber: number;
	row: Record<string, unknown>;
}

/** Every save of a row by `api_goodsspec_push.php`, in order: `created` for a new shop + goods_id + spec_id. */
export interface GoodsSpecLedgerEntry {
	shopNo: string;
	goodsId: string;
	specId: string;
	requestNumber: number;
	created: boolean;
}

/**
 * A fault for one request. `before`: the request never reaches the gateway proper (nothing
 * changes); `after`: it is processed (the ledger may change), then the answer is spoiled. A request
 * held (`delay` before, `latency`) whose client hangs up meanwhile is dropped unprocessed.
 *   http: that status with an HTML page · reset: no answer, the socket is reset · non_json: HTTP
 *   200 with a PHP error page · rate_limit: code 1012, not processed · delay: the answer comes `ms`
 *   late · latency: `ms` of extra wait, then the normal answer · respondWith: HTTP `status`
 *   (default 200) with exactly `body`; a function body can rewrite the real answer (`after`).
 */
export type Fault =
	| { kind: 'http'; status: number }
	| { kind: 'reset'; when: 'before' | 'after' }
	| { kind: 'non_json'; when: 'before' | 'after' }
	| { kind: 'rate_limit' }
	| { kind: 'delay'; ms: number; when: 'before' | 'after' }
	| { kind: 'latency'; ms: number }
	| {
			kind: 'respondWith';
			when: 'before' | 'after';
			status?: number;
			body: string | ((exchange: RespondWithContext) => string);
	  };

/** What a `respondWith` body function sees: parameters but `sign`, and the answer (`after` only). */
export interface RespondWithContext {
	params: Readonly<Record<string, string>>;
	sign: string | undefined;
	answer: Readonly<Record<string, unknown>> | undefined;
}

/** Consulted for each request no injected fault is queued for; `api` is the script without `.php`. */
export type FaultPlan = (ctx: { number: number; api: string }) => Fault | undefined;

/**
 * A script's answer once the public checks pass: a JSON object (written like the gateway's own,
 * shape options included), a raw body sent exactly as given (say, ids beyond 2^53 as bare
 * numbers), or a function of the business parameters returning either.
 */
export type CannedAnswer =
	| Record<string, unknown>
	| string
	| ((params: Readonly<Record<string, string>>) => Record<string, unknown> | string);

export interface MockGatewayOptions {
	/** Default: one account, sid `mock-sid`, appkey `mock-appkey`, appsecret `mock-secret`. */
	accounts?: MockAccount[];
	port?: number;
	/** Clock in ms, for the timestamp window and the rate limit. Default Date.now. */
	now?: () => number;
	/** Accepted clock skew either way, in seconds. Default 300. */
	timestampWindowSeconds?: number;
	/** The simulated round trip: each answer leaves this long after its request came. Default 0. */
	latencyMs?: number;
	/** Per appkey; calls beyond it (after the sign check) get code 1012 and are not processed. */
	rateLimit?: { maxCalls: number; windowMs: number };
	/** By script name (`trade_push.php`); replaces a built-in answer. None: code 100 接口不存在. */
	answers?: Record<string, CannedAnswer>;
	/** Send `"code":"0"` instead of `"code":0`. */
	codeAsString?: boolean;
	/** Send `errors[].rec_id` as a bare number literal. */
	errorsRecIdAsNumber?: boolean;
	/** Leave `errors` out of an ack (or api_goodsspec_push) answer when it is empty. */
	omitEmptyErrors?: boolean;
	/** Send the rec_id of listed records as a bare number literal, digit for digit (beyond 2^53). */
	recIdAsNumber?: boolean;
	/** Escape non-ASCII as \uXXXX, as PHP's json_encode does by default. */
	escapeUnicode?: boolean;
	/**
	 * trade_push.php with some orders refused: also save the valid ones (still answering code 100
	 * with the refused ones listed). Default false: nothing of such a call is saved. Which one the
	 * real gateway does is not documented (docs/PROTOCOL.md, "trade_push").
	 */
	tradeRefusalSavesOthers?: boolean;
	/** sales_refund_push.php with some refunds refused: also save the valid ones, as the option above. */
	refundRefusalSavesOthers?: boolean;
	/** Called once per request when it has been answered (or dropped); `npm run mock` logs with it. */
	onRequest?: (record: RequestRecord) => void;
}

/** An ack the gateway accepted, in order. */
export interface LedgerEntry {
	recId: string;
	status: 0 | 1;
	message: string;
	requestNumber: number;
}

/** A call that passed the public checks and ran: its script (no `.php`) and business parameters. */
export interface ApiCall {
	requestNumber: number;
	api: string;
	params: Record<string, string>;
}

/**
 * Every request received, whatever became of it: its script without `.php`; all parameters (query
 * and body) but `sign`, kept apart for secret scans; `outcome` fault when an injected fault replaced
 * the answer; the gateway `code` when there is one; `processed` when the script ran (also under an
 * `after` fault: the ledger may have changed); the HTTP status, if an answer was sent.
 */
export interface RequestRecord {
	number: number;
	api: string;
	params: Record<string, string>;
	sign?: string;
	queryKeys: string[];
	contentType: string | undefined;
	outcome: 'ok' | 'rejected' | 'fault';
	code?: number;
	fault?: Fault;
	processed: boolean;
	httpStatus?: number;
}
