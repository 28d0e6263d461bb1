/**
 * The three push examples in the real n8n (run by run.sh after the stock-sync checks, with n8n's
 * settings exported):
 *
 *   ts-node --transpile-only scripts/e2e/pushExamples.ts <work-dir> <n8n-bin> <n8n-version>
 *
 * Its own mock gateway (a self-built shop of its own) and shop catalogue, in this process; a
 * credential and the three examples, unchanged but for the shop code and the catalogue's URL,
 * imported with n8n's CLI.
 *
 * - examples/goods-push.workflow.json, with `n8n execute`: a catalogue of 4,502 SKUs (1,500
 *   products of 3 SKUs, one more SKU of a product with an empty spec_id, which the ERP refuses,
 *   and one with a status our checks refuse) → 3 calls of 2,000, 2,000 and 501 rows.
 * - examples/trade-push.workflow.json and examples/refund-push.workflow.json, with `n8n start`
 *   (a Webhook answers only there): both activated, then the shop's calls, one order or refund
 *   each, POSTed to their production URLs in turn: new orders (dates with an offset, in UTC and
 *   in epoch milliseconds), a changed one, one the ERP refuses by its own rule (cash on delivery
 *   without a COD amount) and one our checks refuse; then new and changed refunds of a pushed
 *   order and one of the order the ERP refused.
 *
 * Checks, per call: the webhook's answer (status and push result); its execution, as n8n saved it
 * (its REST API): the record on Pushed or Failed, and the notify branch holding exactly the ones
 * not pushed, with the ERP's words. Then the mock's ledger and stored records: every record
 * created or updated as sent (dates in Beijing time, the refund's platform_id and shop filled in),
 * nothing else saved, nothing our checks refused ever sent. And no expression of an example reads
 * another node. Prints one line per check; exits 1 on any failure.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { IDataObject } from 'n8n-workflow';
import { request } from 'undici';

import { order, refund, sku } from '../../test/fixtures/orders';
import { MockGateway } from '../../test/mock/gateway';
import * as say from '../../test/mock/messages';
import { importWorkflow, n8nCommand, noExpressionReadsOtherNodes, printChecks, readExample, runCheck, type Check, type WorkflowNode } from './checkProcess';
import { parseExecuteOutput, type ExecuteItem, type ExecuteNodeRun } from './executeOutput';
import { activateWorkflows, N8nServer, type SavedExecution } from './n8nServer';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const SHOP = 'e2e-push-shop';
const CREDENTIAL = { id: 'wdt-push', name: 'Wangdiantong mock gateway (push examples)' };

type Json = Record<string, unknown>;
const items = (runs: ExecuteNodeRun[] | undefined, output = 0): ExecuteItem[] => (runs ?? []).flatMap((run) => run.data?.main?.[output] ?? []);
const pushOf = (item: ExecuteItem | undefined): Json => ((item?.json as { wdtPush?: Json } | undefined)?.wdtPush ?? {});
const seconds = (since: number): string => `${Math.round((Date.now() - since) / 1000)} s`;

/** The example as imported: its own id, the e2e shop in its push node, anything else a part needs. */
function prepare(example: { nodes: WorkflowNode[] } & Json, id: string, change: (node: WorkflowNode) => WorkflowNode = (node) => node): Json {
	const nodes = example.nodes.map((node) => change(node.parameters.operation === 'push' ? { ...node, parameters: { ...node.parameters, shopNo: SHOP } } : node));
	return { ...example, nodes, id, active: false };
}

// ---------------------------------------------------------------------------------------------
// The webhook examples: one shop call per order or refund.

interface ShopCall {
	what: string;
	body: IDataObject;
	/** Pushed: created or updated, and the record as the ERP must have stored it. */
	pushed?: { created: boolean; stored: IDataObject };
	/** Not pushed: the answer's status and what wdtPush must say. */
	failed?: { status: 422 | 503; reason: string; error?: string; field?: string };
}

interface WebhookExample {
	title: string;
	/** What its check lines start with, and what "stored as sent" means for it. */
	tag: string;
	storedAs: string;
	file: string;
	id: string;
	nodes: { webhook: string; push: string; notify: string };
	/** The record's key field (tid, refund_no) and its name in wdtPush (tid, refundNo). */
	key: string;
	pushKey: string;
	api: string;
	listParam: string;
	calls: ShopCall[];
	ledger: (gateway: MockGateway) => Array<{ key: string; created: boolean }>;
	/** The record the ERP keeps under a key, and its shop; undefined when it has none. */
	stored: (gateway: MockGateway, key: string) => { record: Json; shop: string } | undefined;
}

/** trade_time and pay_time as sent (with an offset) and as the ERP must store them (Beijing time). */
const PAID_AT = { trade_time: '2026-12-06 09:30:00', pay_time: '2026-12-06 09:31:00' };

const TRADE: WebhookExample = {
	title: 'Orders from the shop (examples/trade-push.workflow.json)',
	tag: 'trade push',
	storedAs: 'dates in Beijing time',
	file: path.join(EXAMPLES, 'trade-push.workflow.json'),
	id: 'wdtE2eTradePush',
	nodes: { webhook: 'Shop sends an order', push: 'Push order to the ERP', notify: 'REPLACE ME: notify about orders not pushed' },
	key: 'tid',
	pushKey: 'tid',
	api: 'trade_push',
	listParam: 'trade_list',
	calls: [
		{ what: 'a new order, dates with an offset', body: order('E2E-T1'), pushed: { created: true, stored: { ...order('E2E-T1'), ...PAID_AT } } },
		{
			what: 'a new order, dates in UTC and epoch milliseconds',
			body: order('E2E-T2', { trade_time: '2026-12-06T01:30:00Z', pay_time: Date.parse('2026-12-06T01:31:00Z') }),
			pushed: { created: true, stored: { ...order('E2E-T2'), ...PAID_AT } },
		},
		{
			what: 'the first order changed (new address, a memo; trade_time in the ERP’s own format)',
			body: order('E2E-T1', { receiver_address: '中关村大街 2 号', seller_memo: '买家改了地址', trade_time: '2026-12-06 09:30:00' }),
			pushed: { created: false, stored: { ...order('E2E-T1', { receiver_address: '中关村大街 2 号', seller_memo: '买家改了地址' }), ...PAID_AT } },
		},
		{
			what: 'cash on delivery with cod_amount 0, which the ERP refuses',
			body: order('E2E-T3', { delivery_term: 2, trade_status: 30, cod_amount: 0 }),
			failed: { status: 422, reason: 'rejected', error: say.COD_AMOUNT_ZERO },
		},
		{ what: 'trade_status 35, which our checks refuse', body: order('E2E-T4', { trade_status: 35 }), failed: { status: 422, reason: 'invalid', field: 'trade_status' } },
	],
	ledger: (gateway) => gateway.tradeLedger.map((entry) => ({ key: entry.tid, created: entry.created })),
	stored: (gateway, tid) => {
		const pushed = gateway.pushedTrade(tid);
		return pushed && { record: pushed.trade, shop: pushed.shopNo };
	},
};

/** The refund's own fields as the ERP must store them: the node adds the shop, refund_time goes as Beijing time. */
const refundStored = (body: IDataObject, refundTime: string): IDataObject => ({ ...body, platform_id: 127, shop_no: SHOP, refund_time: refundTime });
const CHANGED_REFUND = refund('E2E-R1', 'E2E-T1', { status: 4, reason: '发错货', refund_time: '2026-12-07T03:00:00Z' });

const REFUND: WebhookExample = {
	title: 'Refunds from the shop (examples/refund-push.workflow.json)',
	tag: 'refund push',
	storedAs: 'platform_id 127 added, refund_time in Beijing time',
	file: path.join(EXAMPLES, 'refund-push.workflow.json'),
	id: 'wdtE2eRefundPush',
	nodes: { webhook: 'Shop sends a refund', push: 'Push refund to the ERP', notify: 'REPLACE ME: notify about refunds not pushed' },
	key: 'refund_no',
	pushKey: 'refundNo',
	api: 'sales_refund_push',
	listParam: 'api_refund_list',
	calls: [
		{
			what: 'a new refund of a pushed order',
			body: refund('E2E-R1', 'E2E-T1'),
			pushed: { created: true, stored: refundStored(refund('E2E-R1', 'E2E-T1'), '2026-12-07 10:00:00') },
		},
		{ what: 'the refund changed (status, reason; refund_time in UTC)', body: CHANGED_REFUND, pushed: { created: false, stored: refundStored(CHANGED_REFUND, '2026-12-07 11:00:00') } },
		{
			what: 'a refund of the order the ERP refused, which it does not have',
			body: refund('E2E-R2', 'E2E-T3'),
			failed: { status: 503, reason: 'request_failed', error: say.refundsRefused([{ refundNo: 'E2E-R2', error: say.REFUND_TRADE_NOT_FOUND }]) },
		},
	],
	ledger: (gateway) => gateway.refundLedger.map((entry) => ({ key: entry.refundNo, created: entry.created })),
	stored: (gateway, refundNo) => {
		const pushed = gateway.pushedRefund(refundNo);
		return pushed && { record: pushed.refund, shop: pushed.shopNo };
	},
};

/** What one call must show: its answer, and its execution as n8n saved it. */
function checkCall(example: WebhookExample, call: ShopCall, answer: { status: number; body: unknown }, execution: SavedExecution | undefined): Check[] {
	const key = String(call.body[example.key]);
	const label = `${key}, ${call.what}`;
	const answered = answer.body as Json;
	const checks: Check[] = [];
	if (call.pushed) {
		const counts = call.pushed.created ? { newCount: 1, chgCount: 0 } : { newCount: 0, chgCount: 1 };
		checks.push([
			answer.status === 200 && isDeepStrictEqual(answered, { [example.pushKey]: key, ...counts }),
			`${label}: answered 200 with the push result, ${call.pushed.created ? 'created' : 'updated'} (${JSON.stringify(counts)})`,
			`${answer.status} ${JSON.stringify(answer.body)}`,
		]);
	} else if (call.failed) {
		const { status, reason, error, field } = call.failed;
		checks.push([
			answer.status === status &&
				// An order our checks refused was not read, so its wdtPush names no tid (the shop knows which it sent).
				(reason === 'invalid' || answered[example.pushKey] === key) &&
				answered.reason === reason &&
				(error === undefined || String(answered.error).includes(error)) &&
				(field === undefined || answered.field === field),
			`${label}: answered ${status}, ${reason}${error ? ` in the ERP’s words (${error})` : ''}${field ? `, field ${field}` : ''}`,
			`${answer.status} ${JSON.stringify(answer.body)}`,
		]);
	}
	if (execution === undefined) return [...checks, [false, `${label}: its execution was saved`, 'no execution had this call’s body']];
	const { runData } = execution;
	const [pushed, failed] = [items(runData[example.nodes.push], 0), items(runData[example.nodes.push], 1)];
	const notified = items(runData[example.nodes.notify]);
	const keys = (list: ExecuteItem[]) => JSON.stringify(list.map((item) => item.json[example.key]));
	checks.push([execution.status === 'success' && !execution.error, `${label}: its execution succeeded`, `${execution.status}: ${String(execution.error)}`]);
	if (call.pushed) {
		checks.push([
			keys(pushed) === JSON.stringify([key]) && failed.length === 0 && runData[example.nodes.notify] === undefined,
			`${label}: on Pushed, nothing on Failed, the notify branch did not run`,
			`Pushed ${keys(pushed)}, Failed ${keys(failed)}, notified ${keys(notified)}`,
		]);
	} else {
		const wdtPush = pushOf(failed[0]);
		checks.push([
			pushed.length === 0 && keys(failed) === JSON.stringify([key]) && keys(notified) === JSON.stringify([key]) && isDeepStrictEqual(pushOf(notified[0]), wdtPush),
			`${label}: on Failed and on the notify branch, with its wdtPush (${String(wdtPush.reason)}: ${String(wdtPush.error)})`,
			`Pushed ${keys(pushed)}, Failed ${JSON.stringify(failed.map((item) => item.json))}, notified ${keys(notified)}`,
		]);
	}
	return checks;
}

/** Posts each call to the example's webhook in turn, then reads the executions and the mock. */
async function runWebhookExample(example: WebhookExample, webhookPath: string, server: N8nServer, gateway: MockGateway): Promise<Check[]> {
	const requestsBefore = gateway.calls.length;
	const answers: Array<{ status: number; body: unknown }> = [];
	for (const call of example.calls) {
		const { statusCode, body } = await request(`${server.url}/webhook/${webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(call.body),
		});
		const text = await body.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: kept as text for the failure's detail
		}
		answers.push({ status: statusCode, body: parsed });
	}
	const executions = await Promise.all((await server.finishedExecutions(example.id, example.calls.length)).map(async (id) => await server.execution(id)));
	// Each execution is found by what the shop sent it: the Webhook's item carries the body.
	const bodyOf = (execution: SavedExecution): unknown => items(execution.runData[example.nodes.webhook])[0]?.json.body;
	const checks: Check[] = [
		[executions.length === example.calls.length, `one execution per call (${example.calls.length})`, `${executions.length} executions`],
	];
	example.calls.forEach((call, index) => {
		const execution = executions.find((candidate) => isDeepStrictEqual(bodyOf(candidate), call.body));
		checks.push(...checkCall(example, call, answers[index], execution));
	});

	const pushedCalls = example.calls.filter((call) => call.pushed);
	const expectedLedger = pushedCalls.map((call) => ({ key: String(call.body[example.key]), created: call.pushed?.created }));
	const ledger = example.ledger(gateway);
	checks.push([
		isDeepStrictEqual(ledger, expectedLedger),
		`the mock's ledger: ${expectedLedger.map((entry) => `${entry.key} ${entry.created ? 'created' : 'updated'}`).join(', ')}, nothing else`,
		JSON.stringify(ledger),
	]);
	// The last version pushed of each key is what the ERP must have stored.
	const lastStored = new Map(pushedCalls.map((call) => [String(call.body[example.key]), call.pushed?.stored]));
	for (const [key, expected] of lastStored) {
		const stored = example.stored(gateway, key);
		checks.push([
			isDeepStrictEqual(stored?.record, expected) && stored?.shop === SHOP,
			`${key} is stored exactly as last sent, in shop ${SHOP}, ${example.storedAs}`,
			`stored ${JSON.stringify(stored)}; expected ${JSON.stringify(expected)}`,
		]);
	}
	const notPushed = example.calls.filter((call) => call.failed).map((call) => String(call.body[example.key]));
	checks.push([
		notPushed.every((key) => example.stored(gateway, key) === undefined),
		`the ERP stored none of ${notPushed.join(', ')}`,
		JSON.stringify(notPushed.map((key) => example.stored(gateway, key))),
	]);
	const sentKeys = gateway.calls
		.slice(requestsBefore)
		.filter((call) => call.api === example.api)
		.map((call) => (JSON.parse(call.params[example.listParam] ?? '[]') as Json[]).map((record) => String(record[example.key])));
	const reachingErp = example.calls.filter((call) => call.failed?.reason !== 'invalid').map((call) => [String(call.body[example.key])]);
	checks.push([
		isDeepStrictEqual(sentKeys, reachingErp),
		`one ${example.api} call per ${example.key} that passed our checks, none for the one they refused`,
		JSON.stringify(sentKeys),
	]);
	return checks;
}

// ---------------------------------------------------------------------------------------------
// The catalogue example: thousands of SKUs with `n8n execute`.

const GOODS = {
	file: path.join(EXAMPLES, 'goods-push.workflow.json'),
	id: 'wdtE2eGoodsPush',
	fetch: "REPLACE ME: fetch your shop's catalogue",
	split: 'One item per SKU',
	push: 'Push SKUs to the ERP',
	notify: 'REPLACE ME: notify about SKUs not pushed',
};
const PRODUCTS = 1500;
/** A fourth SKU of a product that has three, without a spec_id: the ERP refuses it ("spec_id不能为空"). */
const REFUSED_SKU = sku('G0007', '', { spec_no: 'SN-G0007' });
/** A status that is not one of 0, 1, 2: our checks refuse it, and it is never sent. */
const INVALID_SKU = sku('G9999', 'S1', { status: 7 });
/** What Failed must hold, in the catalogue's order. */
const EXPECTED_FAILED = [
	{ row: INVALID_SKU, wdtPush: { reason: 'invalid', field: 'status' } },
	{ row: REFUSED_SKU, wdtPush: { reason: 'rejected', error: say.fieldMissing('spec_id') } },
];

/** 1,500 products of 3 SKUs (some off the shelf, prices as numbers and as text), the refused SKU last, the invalid one among the first. */
function catalogue(): IDataObject[] {
	const rows: IDataObject[] = [];
	for (let product = 1; product <= PRODUCTS; product++) {
		const goodsId = `G${String(product).padStart(4, '0')}`;
		for (let spec = 1; spec <= 3; spec++) {
			rows.push(sku(goodsId, `S${spec}`, { stock_num: (product * 7 + spec) % 50, ...(product % 5 === 0 ? { status: 2 } : {}), ...(spec === 2 ? { price: 25.5 } : {}) }));
		}
	}
	rows.splice(10, 0, INVALID_SKU);
	rows.push(REFUSED_SKU);
	return rows;
}

/** The shop's catalogue API: GET answers `{ skus: [...] }`, as the example's sticky note asks. */
async function serveCatalogue(rows: IDataObject[]): Promise<{ url: string; close: () => Promise<void> }> {
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ skus: rows }));
	}).listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/api/catalogue`, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

const skuKey = (row: Json): string => `${String(row.goods_id)}/${String(row.spec_id)}`;

async function runGoodsExample(n8nBin: string, dir: string, gateway: MockGateway, rows: IDataObject[]): Promise<Check[]> {
	const run = parseExecuteOutput(await n8nCommand(n8nBin, dir, 'goods-execute', ['execute', `--id=${GOODS.id}`, '--rawOutput']));
	const runData = run.data?.resultData?.runData ?? {};
	const error = run.data?.resultData?.error;
	const [pushed, failed] = [items(runData[GOODS.push], 0), items(runData[GOODS.push], 1)];
	const notified = items(runData[GOODS.notify]);
	const sendable = rows.filter((row) => row !== INVALID_SKU);
	const accepted = sendable.filter((row) => row !== REFUSED_SKU);
	const calls = gateway.calls.filter((call) => call.api === 'api_goodsspec_push').map((call) => JSON.parse(call.params.api_goods_info ?? '{}') as Json);
	const sentRows = calls.flatMap((info) => (Array.isArray(info.goods_list) ? (info.goods_list as Json[]) : []));
	const ledger = gateway.goodsSpecLedger;
	const notStoredAsSent = accepted.filter((row) => !isDeepStrictEqual(gateway.pushedGoodsSpec(SHOP, String(row.goods_id), String(row.spec_id))?.row, row));
	const shown = (list: ExecuteItem[]): string => JSON.stringify(list.map((item) => ({ sku: skuKey(item.json), ...pushOf(item) })));
	const failedAsExpected =
		failed.length === EXPECTED_FAILED.length &&
		EXPECTED_FAILED.every(({ row, wdtPush }, index) => skuKey(failed[index].json) === skuKey(row) && Object.entries(wdtPush).every(([name, value]) => pushOf(failed[index])[name] === value));
	const newCounts = pushed.map((item) => pushOf(item).newCount);
	return [
		[!error && (run.status === 'success' || run.finished === true), 'the workflow ran without error', `status ${String(run.status)}: ${String(error?.message)}`],
		[items(runData[GOODS.split]).length === rows.length, `"${GOODS.split}" made ${rows.length} items of the catalogue's answer`, `${items(runData[GOODS.split]).length} items`],
		[
			calls.length === 3 && isDeepStrictEqual(calls.map((info) => (info.goods_list as unknown[]).length), [2000, 2000, 501]) && calls.every((info) => info.platform_id === 127 && info.shop_no === SHOP),
			'3 calls to api_goodsspec_push, of 2,000, 2,000 and 501 rows, each with platform_id 127 and the shop',
			JSON.stringify(calls.map((info) => ({ rows: (info.goods_list as unknown[] | undefined)?.length, platform_id: info.platform_id, shop_no: info.shop_no }))),
		],
		[
			isDeepStrictEqual(sentRows, sendable),
			`the calls sent the ${sendable.length} SKUs that passed our checks, in order and exactly as the catalogue has them`,
			`${sentRows.length} rows sent`,
		],
		[
			pushed.length === accepted.length && pushed.every((item) => pushOf(item).goodsId === item.json.goods_id && pushOf(item).specId === item.json.spec_id && pushOf(item).reason === undefined),
			`${accepted.length} SKUs on Pushed, each with wdtPush { goodsId, specId } of its own`,
			`${pushed.length} on Pushed`,
		],
		[
			newCounts.filter((count) => count === 2000).length === 4000 && newCounts.filter((count) => count === 500).length === 500,
			'each pushed SKU carries its call’s counts: 2,000 created twice, then 500',
			JSON.stringify([...new Set(newCounts)]),
		],
		[failedAsExpected, `2 SKUs on Failed: ${skuKey(INVALID_SKU)} invalid (status), ${skuKey(REFUSED_SKU)} rejected in the ERP’s words (${say.fieldMissing('spec_id')})`, shown(failed)],
		[shown(notified) === shown(failed), `"${GOODS.notify}" received those 2, as they left Failed`, shown(notified)],
		[
			isDeepStrictEqual(ledger.map((entry) => `${entry.goodsId}/${entry.specId}`), accepted.map(skuKey)) && ledger.every((entry) => entry.created && entry.shopNo === SHOP),
			`the mock's goodsSpecLedger: the ${accepted.length} SKUs created, each once, in order, none of the 2 on Failed`,
			`${ledger.length} entries, ${ledger.filter((entry) => !entry.created).length} updates`,
		],
		[notStoredAsSent.length === 0, `each of the ${accepted.length} is stored exactly as the catalogue has it`, `not: ${notStoredAsSent.slice(0, 5).map(skuKey).join(', ')}`],
	];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<boolean> {
	const [dir, n8nBin, n8nVersion] = process.argv.slice(2);
	if (!dir || !n8nBin || !n8nVersion) throw new Error('usage: pushExamples.ts <work-dir> <n8n-bin> <n8n-version>');
	const gateway = await MockGateway.start();
	gateway.addShop(SHOP);
	const rows = catalogue();
	const shop = await serveCatalogue(rows);
	try {
		const trade = readExample(TRADE.file, Object.values(TRADE.nodes));
		const refunds = readExample(REFUND.file, Object.values(REFUND.nodes));
		const goods = readExample(GOODS.file, [GOODS.fetch, GOODS.split, GOODS.push, GOODS.notify]);
		const webhookPath = (example: { nodes: WorkflowNode[] }, name: string): string => String(example.nodes.find((node) => node.name === name)?.parameters.path);
		const workflows = [
			prepare(trade, TRADE.id),
			prepare(refunds, REFUND.id),
			prepare(goods, GOODS.id, (node) => (node.name === GOODS.fetch ? { ...node, parameters: { ...node.parameters, url: shop.url } } : node)),
		];
		let started = Date.now();
		await importWorkflow(n8nBin, dir, 'push', { credential: CREDENTIAL, baseUrl: gateway.baseUrl, workflows });

		const goodsChecks = [noExpressionReadsOtherNodes(goods.nodes), ...(await runGoodsExample(n8nBin, dir, gateway, rows))];
		let ok = printChecks(`The shop's catalogue (examples/goods-push.workflow.json), ${rows.length} SKUs, import and n8n execute in ${seconds(started)}:`, 'goods push', goodsChecks);

		started = Date.now();
		await activateWorkflows(n8nBin, dir, n8nVersion, [TRADE.id, REFUND.id]);
		const server = await N8nServer.start(n8nBin, dir, [webhookPath(trade, TRADE.nodes.webhook), webhookPath(refunds, REFUND.nodes.webhook)]);
		console.log(`n8n start: ${server.url} answers, both webhooks registered (${seconds(started)})`);
		try {
			for (const [example, file] of [
				[TRADE, trade],
				[REFUND, refunds],
			] as const) {
				started = Date.now();
				const checks = [noExpressionReadsOtherNodes(file.nodes), ...(await runWebhookExample(example, webhookPath(file, example.nodes.webhook), server, gateway))];
				ok = printChecks(`${example.title}, ${example.calls.length} calls (${seconds(started)}):`, example.tag, checks) && ok;
			}
		} finally {
			await server.stop();
		}
		return ok;
	} finally {
		await Promise.all([gateway.close(), shop.close()]);
	}
}

runCheck('push examples', main);
