/**
 * A local openapi2 gateway on loopback: real HTTP, real signature checks (verify.ts, written apart
 * from the client's signer), a pool of logistics records and faults on demand, for the tests, the
 * demo, the benchmark and `npm run mock` (cli.ts). What it imitates: docs/PROTOCOL.md.
 *
 * Every `POST /openapi2/<name>.php` meets the public checks in the real gateway's order (sid,
 * appkey, timestamp, sign present; appkey known and the sid's; enabled; timestamp within ±300 s;
 * sign), then the rate limit. What passes is listed in `calls` (script and business parameters)
 * and runs its script (scripts.ts): the logistics pair (pending pool, ledger of acks), the
 * stock-sync pair (stockPool.ts: pending changes per shop, `stockLedger` of acks), the push
 * scripts for self-built shops (`addShop` traits mark the others): trade_push (tradePush.ts:
 * orders kept by tid, `tradeLedger`), sales_refund_push (refundPush.ts: refunds of pushed
 * orders kept by refund_no, `refundLedger`) and api_goodsspec_push (goodsSpecPush.ts: listings
 * kept by shop + goods_id + spec_id, `goodsSpecLedger`), or
 * for any script a canned answer, which also replaces a built-in one:
 * `answers: { 'goods_query.php': { code: 0, goods_list: [] } }`, a function of the business
 * parameters, or a raw body (ids beyond 2^53 as bare numbers). No answer at all: code 100 接口不存在.
 */
import { once, setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as wait } from 'node:timers/promises';
import * as say from './messages';
import { businessParams, errorReply, param, type Reply } from './reply';
import { runScript, serialise } from './scripts';
import { GatewayStore } from './store';
import type { ApiCall, CannedAnswer, Fault, FaultPlan, MockAccount, MockGatewayOptions, RequestRecord } from './types';
import { isSignValid } from './verify';

export type * from './types';

export const DEFAULT_ACCOUNT: Readonly<MockAccount> = { sid: 'mock-sid', appKey: 'mock-appkey', appSecret: 'mock-secret' };

const SCRIPT = /^\/openapi2\/([A-Za-z0-9_]+)\.php$/;
/** Bodies are small; this only guards the test process against a runaway client. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** What a proxy in front of the gateway sends for an HTTP fault. */
const httpErrorPage = (status: number): string =>
	`<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>\n`;
/** HTTP 200 yet no JSON: what a PHP fatal error in the gateway looks like. */
const PHP_ERROR_PAGE =
	'<br />\n<b>Fatal error</b>:  Allowed memory size exhausted in <b>/data/www/openapi2/index.php</b> on line <b>88</b><br />\n';

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		if ((size += chunk.length) > MAX_BODY_BYTES) throw new Error('body too large');
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/**
 * The parameters as PHP fills $_POST and $_GET: the body counts only when it is form-urlencoded (a
 * charset may follow), so a JSON client meets 缺少参数sid. Query parameters are merged in and
 * signed too, the body winning a clash; within one source the last duplicate wins. A Map, then
 * fromEntries, so that a key such as `__proto__` becomes a plain own property.
 */
export function receivedParams(query: URLSearchParams, body: Buffer, contentType: string | undefined) {
	const params = new Map(query);
	const queryKeys = [...params.keys()];
	if (contentType?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded') {
		for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.set(key, value);
	}
	return { params: Object.fromEntries(params), queryKeys };
}

/** The public checks in the real gateway's order; the first failure answers. Pure: no HTTP, no state. */
export function authenticate(
	params: Readonly<Record<string, string>>,
	settings: { accounts: ReadonlyMap<string, MockAccount>; nowMs: number; windowSeconds: number },
): { ok: true; account: MockAccount } | { ok: false; reply: Reply } {
	const refuse = (code: number, message: string) => ({ ok: false as const, reply: errorReply(code, message) });
	// An empty value counts as missing, as PHP's empty() would have it.
	const missing = ['sid', 'appkey', 'timestamp', 'sign'].find((name) => !param(params, name));
	if (missing) return refuse(say.CODE_PARAM, say.missingParam(missing));
	const account = settings.accounts.get(params.appkey);
	if (account?.sid !== params.sid) return refuse(say.CODE_PARAM, say.INVALID_APPKEY);
	if (account.disabled) return refuse(say.CODE_DISABLED, say.APPKEY_DISABLED);
	const skew = Math.abs(Number(params.timestamp) - Math.floor(settings.nowMs / 1000));
	if (!/^\d{10}$/.test(params.timestamp) || skew > settings.windowSeconds) {
		return refuse(say.CODE_PARAM, say.TIMESTAMP_INVALID);
	}
	if (!isSignValid(params, account.appSecret)) return refuse(say.CODE_PARAM, say.SIGN_MISMATCH);
	return { ok: true, account };
}

export class MockGateway extends GatewayStore {
	readonly baseUrl: string;
	readonly port: number;
	/** Every request received, in order of arrival. Live, as the ledger is. */
	readonly requests: RequestRecord[] = [];
	/** Every call that passed the public checks and ran its script, in order. Live. */
	readonly calls: ApiCall[] = [];
	/** Injected faults, each for the next `remaining` requests (of one API if given). */
	private faults: Array<{ fault: Fault; api: string | undefined; remaining: number }> = [];
	private faultPlan: FaultPlan | undefined;
	private readonly accounts: Map<string, MockAccount>;
	/** Per appkey, the times of the calls admitted within the rate-limit window. */
	private readonly admitted = new Map<string, number[]>();
	/** Ends every wait (delays, latency) on close(), so nothing keeps the process alive. */
	private readonly closed = new AbortController();
	private counter = 0;

	private constructor(
		private readonly server: Server,
		private readonly options: MockGatewayOptions,
	) {
		super(options.now ?? Date.now);
		const address = server.address();
		if (address === null || typeof address === 'string') throw new Error('not a TCP server');
		this.port = address.port;
		this.baseUrl = `http://127.0.0.1:${this.port}/openapi2/`;
		this.accounts = new Map((options.accounts ?? [DEFAULT_ACCOUNT]).map((a) => [a.appKey, { ...a }]));
		setMaxListeners(0, this.closed.signal); // one listener per answer held at a time: any number
		// A body that fails to arrive (client abort, oversize) just ends the connection.
		server.on('request', (req, res) => this.handle(req, res).catch(() => req.socket.destroy()));
	}

	static async start(options: MockGatewayOptions = {}): Promise<MockGateway> {
		const server = createServer().listen(options.port ?? 0, '127.0.0.1');
		await once(server, 'listening'); // rejects on 'error', e.g. a port in use
		return new MockGateway(server, { ...options, answers: { ...options.answers } });
	}

	/** Sets (or with undefined removes) the canned answer of one script, e.g. `trade_push.php`. */
	setAnswer(script: string, answer: CannedAnswer | undefined): void {
		const answers = (this.options.answers ??= {});
		if (answer === undefined) delete answers[script];
		else answers[script] = answer;
	}

	/** Queues a fault for the next `times` (default 1) requests, of one API if given. */
	injectFault(fault: Fault, options: { api?: string; times?: number } = {}): void {
		const times = options.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new Error(`times must be ≥ 1, got ${times}`);
		// `logistics_sync_ack.php` and `logistics_sync_ack` name the same API.
		this.faults.push({ fault, api: options.api?.replace(/\.php$/, ''), remaining: times });
	}

	/** Consulted for every request the queue has no fault for (e.g. a seeded random schedule). */
	setFaultPlan(plan: FaultPlan | undefined): void {
		this.faultPlan = plan;
	}

	setAccountDisabled(appKey: string, disabled: boolean): void {
		const account = this.accounts.get(appKey);
		if (account === undefined) throw new Error(`unknown appkey ${appKey}`);
		account.disabled = disabled;
	}

	/** Empties the store, ledger, request log, calls, faults and rate counters; accounts stay. */
	override reset(): void {
		super.reset();
		this.requests.length = 0;
		this.calls.length = 0;
		this.faults = [];
		this.faultPlan = undefined;
		this.admitted.clear();
	}

	/** Stops listening, releases delayed answers and ends every connection; never hangs. */
	async close(): Promise<void> {
		if (this.closed.signal.aborted) return;
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.closed.abort();
		this.server.closeAllConnections();
		await closed;
	}

	private async sleep(ms: number): Promise<void> {
		if (ms > 0) await wait(ms, undefined, { signal: this.closed.signal }).catch(() => undefined);
	}

	/** The fault for this request: the first matching queued one (one use consumed), or the plan's. */
	private takeFault(number: number, api: string): Fault | undefined {
		const index = this.faults.findIndex((entry) => entry.api === undefined || entry.api === api);
		if (index < 0) return this.faultPlan?.({ number, api });
		const entry = this.faults[index];
		if (--entry.remaining === 0) this.faults.splice(index, 1);
		return entry.fault;
	}

	/** The public checks, the rate limit, then the script. Pure with respect to HTTP. */
	private process(record: RequestRecord, params: Record<string, string>): Reply {
		const nowMs = this.clock();
		const windowSeconds = this.options.timestampWindowSeconds ?? 300;
		const auth = authenticate(params, { accounts: this.accounts, nowMs, windowSeconds });
		if (!auth.ok) return auth.reply;
		const { account } = auth;
		// A sliding window; only admitted calls count, so knocking during a ban does not extend it.
		const limit = this.options.rateLimit;
		if (limit) {
			const recent = (this.admitted.get(account.appKey) ?? []).filter((at) => nowMs - at < limit.windowMs);
			this.admitted.set(account.appKey, recent);
			if (recent.length >= limit.maxCalls) return errorReply(say.CODE_RATE_LIMITED, say.RATE_LIMITED);
			recent.push(nowMs);
		}
		record.processed = true;
		this.calls.push({ requestNumber: record.number, api: record.api, params: businessParams(params) });
		return runScript(record.api, params, { store: this, requestNumber: record.number, options: this.options });
	}

	/** One HTTP exchange: route, read, log, apply any fault around the processing, answer. */
	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const number = ++this.counter;
		let clientGone = false;
		res.on('close', () => (clientGone ||= !res.writableFinished));
		const url = new URL(req.url ?? '/', 'http://mock.invalid');
		const contentType = req.headers['content-type'];
		const { params, queryKeys } = receivedParams(url.searchParams, await readBody(req), contentType);
		const match = SCRIPT.exec(url.pathname);
		const { sign, ...logged } = params;
		const record: RequestRecord = {
			number,
			api: match ? match[1] : url.pathname,
			params: logged,
			...(sign === undefined ? {} : { sign }),
			queryKeys,
			contentType,
			outcome: 'rejected',
			processed: false,
		};
		this.requests.push(record);
		// Every answer is labelled text/html, as the real gateway's header is unreliable.
		const send = (status: number, text: string): void => {
			if (res.headersSent || req.socket.destroyed) return;
			const body = Buffer.from(text, 'utf8');
			res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, Server: 'nginx' });
			res.end(body);
			record.httpStatus = status;
		};
		const gone = (): boolean => clientGone || this.closed.signal.aborted || req.socket.destroyed;
		try {
			if (!match) return send(404, httpErrorPage(404));
			if (req.method !== 'POST') {
				res.setHeader('Allow', 'POST');
				return send(405, httpErrorPage(405));
			}
			await this.answer(req, record, params, send, gone);
		} finally {
			this.options.onRequest?.(record);
		}
	}

	private async answer(
		req: IncomingMessage,
		record: RequestRecord,
		params: Record<string, string>,
		send: (status: number, text: string) => void,
		gone: () => boolean,
	): Promise<void> {
		const reset = (): void => void req.socket.resetAndDestroy();
		const respondWith = (f: Extract<Fault, { kind: 'respondWith' }>, reply?: Reply): void => {
			const answer = reply && typeof reply.body === 'object' ? reply.body : undefined;
			send(f.status ?? 200, typeof f.body === 'string' ? f.body : f.body({ params: record.params, sign: record.sign, answer }));
		};
		// The simulated round trip: the answer leaves `latencyMs` after the request arrived, however
		// long processing took, so a perfect client needs requests × latency (plus about a ms per
		// timer's lateness). One timer per request, not two: each one fires a little late.
		const answerAt = performance.now() + (this.options.latencyMs ?? 0);
		const fault = this.takeFault(record.number, record.api);
		if (fault) {
			record.fault = fault;
			record.outcome = 'fault'; // until the real answer goes out (delay, latency)
			const before = !('when' in fault) || fault.when === 'before';
			if (fault.kind === 'http') return send(fault.status, httpErrorPage(fault.status));
			if (fault.kind === 'rate_limit') {
				record.code = say.CODE_RATE_LIMITED;
				return send(200, serialise(errorReply(say.CODE_RATE_LIMITED, say.RATE_LIMITED), this.options));
			}
			if (before && fault.kind === 'non_json') return send(200, PHP_ERROR_PAGE);
			if (before && fault.kind === 'reset') return reset();
			if (before && fault.kind === 'respondWith') return respondWith(fault);
			if (fault.kind === 'latency' || (before && fault.kind === 'delay')) await this.sleep(fault.ms);
		}
		// A client that hung up while the request was held never reached the gateway proper.
		if (gone()) return reset();

		const reply = this.process(record, params);
		if (reply.code !== undefined) record.code = reply.code;
		if (fault && 'when' in fault && fault.when === 'after') {
			if (fault.kind === 'reset') return reset();
			if (fault.kind === 'non_json') return send(200, PHP_ERROR_PAGE);
			if (fault.kind === 'respondWith') return respondWith(fault, reply);
			await this.sleep(fault.ms);
			if (gone()) return reset();
		}
		const text = serialise(reply, this.options);
		await this.sleep(answerAt - performance.now());
		if (gone()) return reset();
		record.outcome = reply.code === 0 ? 'ok' : 'rejected';
		send(200, text);
	}
}
