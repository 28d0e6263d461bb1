/** Shapes shared by the mock gateway's parts: options, records, faults and what it observed. */

export interface MockAccount {
	sid: string;
	appKey: string;
	appSecret: string;
	/** A disabled appkey is answered with code 1007. */
	disabled?: boolean;
}

/** One record of `logistics_sync_query`. Numeric fields vary in type on purpose (see records.ts). */
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
export type RecordInput = Partial<Omit<LogisticsRecord, 'rec_id'>> & {
	rec_id?: string | number | bigint;
};

/**
 * A fault for one request. `before` = the request never reaches the gateway proper (nothing
 * changes); `after` = it is processed (the ledger may change) and then the answer is spoiled.
 * Requests held by `delay` before / `latency` whose client hangs up meanwhile are dropped
 * unprocessed.
 */
export type Fault =
	/** That HTTP status with a small HTML page, not processed. */
	| { kind: 'http'; status: number }
	/** The socket is reset without any answer. */
	| { kind: 'reset'; when: 'before' | 'after' }
	/** HTTP 200 with a PHP error page instead of JSON. */
	| { kind: 'non_json'; when: 'before' | 'after' }
	/** Code 1012 系统调用频繁, not processed. */
	| { kind: 'rate_limit' }
	/** The answer comes `ms` late; with `after` the request was already processed at once. */
	| { kind: 'delay'; ms: number; when: 'before' | 'after' }
	/** `ms` of extra wait, then normal processing and answer. */
	| { kind: 'latency'; ms: number }
	/**
	 * HTTP `status` (default 200) with exactly the body given, for hostile-answer tests. `before`:
	 * not processed; `after`: processed first, and a function body can rewrite the real answer.
	 */
	| { kind: 'respondWith'; when: 'before' | 'after'; status?: number; body: string | ((exchange: RespondWithContext) => string) };

/** What a `respondWith` body function sees of the exchange. */
export interface RespondWithContext {
	/** Received parameters except `sign`. */
	params: Readonly<Record<string, string>>;
	sign: string | undefined;
	/** The JSON object the gateway would have answered; undefined with `when: 'before'`. */
	answer: Readonly<Record<string, unknown>> | undefined;
}

/** What a fault plan sees of a request. `api` is the script name without `.php`. */
export interface FaultContext {
	number: number;
	api: string;
}

export type FaultPlan = (ctx: FaultContext) => Fault | undefined;

export interface MockGatewayOptions {
	/** Default: one account, sid `mock-sid`, appkey `mock-appkey`, appsecret `mock-secret`. */
	accounts?: MockAccount[];
	port?: number;
	/** Clock in ms, for the timestamp window and the rate limit. Default Date.now. */
	now?: () => number;
	/** Accepted clock skew either way, in seconds. Default 300. */
	timestampWindowSeconds?: number;
	/**
	 * The simulated round trip: every answer leaves this long after its request arrived (the
	 * request is processed at once; a client that hangs up meanwhile loses the answer). Default 0.
	 */
	latencyMs?: number;
	/** Per appkey; calls beyond it (after the sign check) get code 1012 and are not processed. */
	rateLimit?: { maxCalls: number; windowMs: number };
	/** Send `"code":"0"` instead of `"code":0`. */
	codeAsString?: boolean;
	/** Send `errors[].rec_id` as a bare number literal. */
	errorsRecIdAsNumber?: boolean;
	/** Leave `errors` out of an ack answer when it is empty. */
	omitEmptyErrors?: boolean;
	/** Send `trades[].rec_id` as a bare number literal, digits copied verbatim (may exceed 2^53). */
	recIdAsNumber?: boolean;
	/** Escape non-ASCII as \uXXXX, as PHP's json_encode does by default. */
	escapeUnicode?: boolean;
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

/** Every request received, whatever became of it. */
export interface RequestRecord {
	number: number;
	/** Script name without `.php`, e.g. `logistics_sync_ack`. */
	api: string;
	/** All received parameters (query merged with body) except `sign`. */
	params: Record<string, string>;
	/** The `sign` received, kept apart from params so that tests can scan outputs for it. */
	sign?: string;
	queryKeys: string[];
	contentType: string | undefined;
	/** `fault` when an injected fault replaced or suppressed the normal answer. */
	outcome: 'ok' | 'rejected' | 'fault';
	/** The gateway `code` of the processing, when it ran or answered with one. */
	code?: number;
	fault?: Fault;
	/** Whether the API itself ran (true for `after` faults: the ledger may have changed). */
	processed: boolean;
	/** HTTP status sent, if any answer was sent. */
	httpStatus?: number;
}
