/**
 * The mock gateway as a process, for `npm run mock` (try workflows without an ERP account) and the
 * real-n8n run (scripts/e2e/run.sh). Prints what to enter in n8n's credentials, then each request.
 *
 *   npm run mock -- [--port 8780] [--seed [SHOP=]N]... [--stock [SHOP=]N]... [--answer SCRIPT=FILE]...
 *                   [--rate-limit CALLS_PER_MINUTE] [--latency MS] [--platform] [--state FILE]
 *
 * --port 0 takes a free port (default $PORT or 8780). --seed: N pending logistics records for SHOP
 * (default demo-shop; without --seed, $RECORDS or 120), numbered on from 100001. --stock: N pending
 * stock changes for SHOP, numbered on after them. --answer: FILE's text, exactly, answers SCRIPT
 * (e.g. trade_push.php). --rate-limit: code 1012 beyond that many calls a minute per appkey.
 * --platform: also the mock shop platform the sync loop pushes to. --state: FILE (MockState)
 * rewritten atomically after start, every request and at exit (SIGINT/SIGTERM): run.sh learns the
 * URLs from it, and reads the ledgers once n8n is done.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_ACCOUNT, MockGateway } from './gateway';
import { MockPlatform } from './platform';
import type { ApiCall, GoodsSpecLedgerEntry, LedgerEntry, RefundLedgerEntry, RequestRecord, StockLedgerEntry, TradeLedgerEntry } from './types';

/**
 * What --state writes. platformUrl is empty without --platform; seeded: the logistics rec_ids by
 * shop; pending, stockPending: the rec_ids still waiting in each pool; the two ledgers of acks, and
 * tradeLedger, refundLedger and goodsSpecLedger, every order, refund and listing the push scripts saved.
 */
export interface MockState {
	pid: number;
	baseUrl: string;
	platformUrl: string;
	platformReceived: number;
	seeded: Record<string, string[]>;
	ledger: LedgerEntry[];
	stockLedger: StockLedgerEntry[];
	tradeLedger: TradeLedgerEntry[];
	refundLedger: RefundLedgerEntry[];
	goodsSpecLedger: GoodsSpecLedgerEntry[];
	calls: ApiCall[];
	requests: Array<Pick<RequestRecord, 'number' | 'api' | 'outcome' | 'code' | 'httpStatus'> & { shopNo?: string }>;
	pending: string[];
	stockPending: string[];
}

export function readState(file: string): MockState {
	return JSON.parse(readFileSync(file, 'utf8')) as MockState;
}

/** `SHOP=N`, or `N` for demo-shop. */
function shopCount(text: string): [string, number] {
	const [shop, count] = text.includes('=') ? text.split('=') : ['demo-shop', text];
	if (!/^\d+$/.test(count)) throw new Error(`expected [SHOP=]N, got ${text}`);
	return [shop, Number(count)];
}

function describe({ number, api, outcome, code, httpStatus, fault, queryKeys }: RequestRecord): string {
	const http = httpStatus !== undefined && httpStatus !== 200 && `http=${httpStatus}`;
	const query = queryKeys.length > 0 && `query=${queryKeys.join(',')}`;
	return [`#${number}`, api, outcome, code !== undefined && `code=${code}`, http, fault && `fault=${fault.kind}`, query]
		.filter(Boolean)
		.join(' ');
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: process.env.PORT ?? '8780' },
			seed: { type: 'string', multiple: true, default: [`demo-shop=${process.env.RECORDS ?? 120}`] },
			stock: { type: 'string', multiple: true, default: [] },
			answer: { type: 'string', multiple: true, default: [] },
			'rate-limit': { type: 'string' },
			latency: { type: 'string', default: '0' },
			platform: { type: 'boolean', default: false },
			state: { type: 'string' },
		},
	});
	const answers: Record<string, string> = {};
	for (const pair of values.answer) {
		const [script, file] = pair.split(/=(.*)/s);
		if (!script || !file) throw new Error(`expected --answer SCRIPT=FILE, got ${pair}`);
		answers[script] = readFileSync(file, 'utf8');
	}
	const perMinute = values['rate-limit'];
	const platform = values.platform ? await MockPlatform.start() : undefined;
	const seeded: Record<string, string[]> = {};
	const gateway: MockGateway = await MockGateway.start({
		port: Number(values.port),
		latencyMs: Number(values.latency),
		answers,
		...(perMinute === undefined ? {} : { rateLimit: { maxCalls: Number(perMinute), windowMs: 60_000 } }),
		onRequest: (record) => {
			const stock = values.stock.length > 0 ? `, stock ${gateway.stockPending().length}` : '';
			console.log(`${new Date().toISOString()} ${describe(record)} (pending ${gateway.pending().length}${stock})`);
			writeState();
		},
	});
	const writeState = (): void => {
		if (values.state === undefined) return;
		const state: MockState = {
			pid: process.pid, baseUrl: gateway.baseUrl, seeded, ledger: gateway.ledger, calls: gateway.calls,
			platformUrl: platform?.url ?? '', platformReceived: platform?.received.length ?? 0,
			requests: gateway.requests.map(({ number, api, outcome, code, httpStatus, params }) => {
				return { number, api, outcome, code, httpStatus, shopNo: params.shop_no };
			}),
			pending: gateway.pending().map((r) => r.rec_id),
			stockLedger: [...gateway.stockLedger],
			tradeLedger: [...gateway.tradeLedger],
			refundLedger: [...gateway.refundLedger],
			goodsSpecLedger: [...gateway.goodsSpecLedger],
			stockPending: gateway.stockPending().map((change) => change.rec_id),
		};
		writeFileSync(`${values.state}.tmp`, JSON.stringify(state, null, 2) + '\n');
		renameSync(`${values.state}.tmp`, values.state);
	};

	for (const [shop, count] of values.seed.map(shopCount)) {
		seeded[shop] = [...(seeded[shop] ?? []), ...gateway.seedPending(count, { shopNo: shop }).map((r) => r.rec_id)];
		console.log(`Seeded ${count} pending records for shop "${shop}".`);
	}
	for (const [shop, count] of values.stock.map(shopCount)) {
		gateway.seedStockChanges(count, shop);
		console.log(`Seeded ${count} stock changes for shop "${shop}".`);
	}
	if (perMinute !== undefined) console.log(`Rate limit: ${perMinute} calls a minute per appkey.`);
	if (values.answer.length > 0) console.log(`Canned answers for ${Object.keys(answers).join(', ')}.`);
	writeState();

	const { sid, appKey, appSecret } = DEFAULT_ACCOUNT;
	console.log(`Mock openapi2 gateway listening at ${gateway.baseUrl} (pid ${process.pid})`);
	if (platform) console.log(`Mock shop platform at ${platform.url}`);
	console.log(`Wangdiantong credentials to enter in n8n:\n  Environment: custom\n  Base URL:    ${gateway.baseUrl}`);
	console.log(`  Sid:         ${sid}\n  Appkey:      ${appKey}\n  Appsecret:   ${appSecret}\nCtrl+C to stop.`);

	const stop = (signal: string): void => {
		writeState();
		const stock = values.stock.length > 0 ? ` and ${gateway.stockLedger.length} stock ack elements` : '';
		console.log(`\n${signal}: closing after ${gateway.ledger.length} accepted acks${stock}.`);
		Promise.all([gateway.close(), platform?.close()]).then(() => process.exit(0), () => process.exit(1));
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

// Imported (by scripts/e2e for MockState), it only lends its types and readState.
if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
