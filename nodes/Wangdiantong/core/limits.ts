/**
 * Every default and limit the node applies, defined once: the editor's descriptions and the
 * readers of the parameters both take them from here.
 */

/** `logistics_sync_query.php` returns at most this many records per call (docs/PROTOCOL.md, "logistics_sync_query"). */
export const QUERY_LIMIT_MAX = 100;
/** The vendor's own sync loop asks for the maximum. */
export const QUERY_LIMIT_DEFAULT = 100;

/** Batches larger than this time out at the gateway (docs/PROTOCOL.md, "logistics_sync_ack"). */
export const BATCH_SIZE_MAX = 100;
/** The vendor advises 50 records per acknowledgement call. */
export const BATCH_SIZE_DEFAULT = 50;

/** `trade_push.php` takes at most this many orders per call (docs/PROTOCOL.md, "trade_push"). */
export const TRADE_BATCH_SIZE_MAX = 50;

/** `sales_refund_push.php` takes at most this many refunds per call (docs/PROTOCOL.md, "sales_refund_push"). */
export const REFUND_BATCH_SIZE_MAX = 10;

/** `api_goodsspec_push.php` takes at most this many rows per call (docs/PROTOCOL.md, "api_goodsspec_push"). */
export const GOODS_BATCH_SIZE_MAX = 2000;

export const CONCURRENCY_MAX = 10;
export const CONCURRENCY_DEFAULT = 1;

/** The ERP shows at most this many characters (code points) of an ack's `message` in 物流同步. */
export const MESSAGE_MAX_CODE_POINTS = 255;

export const TIMEOUT_MS_DEFAULT = 30_000;
/** Upper bound for any wait or timeout a user types: an hour. */
export const WAIT_MS_MAX = 3_600_000;

export const RETRIES_DEFAULT = 3;
export const RETRIES_MAX = 10;
/** First backoff of a transient failure; it doubles up to RETRY_WAIT_CAP_MS. */
export const RETRY_WAIT_MS_DEFAULT = 1000;
export const RETRY_WAIT_CAP_MS = 15_000;
/**
 * The wait before retrying a rate-limited call (code 1012). The gateway counts calls per minute
 * (docs/PROTOCOL.md, "Rate limit"); the one public client that handles 1012 waits about 31 s. We
 * wait less and try more often: a loop asleep while the window has room wastes it. In the scale
 * run (three shops' loops on one appkey, BENCHMARKS.md, "At scale") the 31 s wait, three times at
 * most, left minutes unused and gave up on calls the next window would have taken.
 */
export const RATE_LIMIT_WAIT_SECONDS_DEFAULT = 10;
/**
 * How long one call keeps waiting out rate limits before it gives up: about five minutes of
 * waits, apart from Retries (which count transient failures). Several loops sharing an appkey can
 * each meet the limit many times in a row while the others take the window's calls.
 */
export const RATE_LIMIT_PATIENCE_SECONDS = 300;

/** The gateway's accepted clock skew (docs/PROTOCOL.md, "Timestamp"). */
export const TIMESTAMP_WINDOW_SECONDS = 300;

/** A whole number within [min, max], or the fallback when the value is not a finite number. */
export function clampInteger(value: unknown, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
	return Math.min(max, Math.max(min, number));
}
