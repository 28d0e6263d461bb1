/**
 * The stock-sync example (examples/stock-sync.workflow.json) in the real n8n (run by run.sh after
 * the loop checks, with n8n's settings exported):
 *
 *   ts-node --transpile-only scripts/e2e/stockSync.ts <work-dir> <n8n-bin>
 *
 * Stock Sync → Get Changes → n8n's HTTP Request pushing each change to a mock shop platform that
 * refuses some SKUs (stockPlatform.ts) → n8n's Merge putting each change beside its push's answer
 * → If "Pushed?" → Stock Sync → Acknowledge, whose Acknowledged output loops back to Get Changes
 * through a Code node; refused pushes go to one notify placeholder, Acknowledge's Failed output to
 * another. No expression of the example reads another node.
 *
 * Its own mock gateway (130 stock changes in a shop of their own) and platform, in this process;
 * a credential and the example (its schedule trigger made a manual one, so `n8n execute` can start
 * it) imported with n8n's CLI. The example runs every 5 minutes: here one `n8n execute` is one
 * tick, as many ticks as it takes until a tick acknowledges nothing; first while the platform
 * refuses some SKUs (then only those are still pending), then once it takes them all (then
 * nothing is, and the last tick finds nothing pending). In the first tick a restock arrives for
 * one listing just as the platform takes its stock: the ERP counts a new change, so the round's
 * ack of the old count leaves it pending and a later round must push and acknowledge it again.
 *
 * What each tick must do is worked out from the seeded changes, the platform's rule and the
 * restock, apart from n8n (planTick). Checks, tick by tick, from n8n's run data and the mock's call
 * log and ledger: the rounds' queries and what Get Changes returned; each refused push reaching the
 * notify branch, as the change itself; each ack listing exactly the changes the platform took,
 * after it took them, with the sync_stock and stock_change_count they were fetched with; the
 * ledger clearing them; nothing on Acknowledge's Failed output; refused changes still pending.
 * Then: every change acknowledged exactly once, the ticks settling, nothing left pending. Prints
 * one line per check; exits 1 on any failure.
 */
import path from 'node:path';

import { MockGateway, type StockChange } from '../../test/mock/gateway';
import { byRecId } from '../../test/mock/ids';
import { importWorkflow, n8nCommand, noExpressionReadsOtherNodes, printChecks, readExample, runCheck, type Check } from './checkProcess';
import { parseExecuteOutput, type ExecuteItem, type ExecuteRun } from './executeOutput';
import { isRefusedSku, startStockPlatform, type StockPush } from './stockPlatform';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'stock-sync.workflow.json');
const TRIGGER = 'Every 5 minutes';
const GET_CHANGES = 'Get stock changes';
const PUSH = 'REPLACE ME: push stock to your platform';
const ACK = 'Acknowledge stock sync';
const NOTIFY_REFUSED = 'REPLACE ME: notify about stock the platform refused';
const NOTIFY_FAILED = 'REPLACE ME: notify about changes the ERP refused';
const SHOP = 'e2e-stock-shop';
/** More than one query's worth (the example asks for 100), so a tick takes more than one round. */
const CHANGES = 130;
/** Units arriving for one listing while the platform takes its stock, in the first tick. */
const RESTOCK = 40;
const CREDENTIAL = { id: 'wdt-stock', name: 'Wangdiantong mock gateway (stock sync)' };
const WORKFLOW_ID = 'wdtE2eStockSync'; // n8n 1.x: at most 16 characters
/** The platform first refuses some SKUs; then the seller fixes them and it takes them all. */
const PHASES = [
	{ refusing: true, what: 'while the platform refuses SKUs ending in -3' },
	{ refusing: false, what: 'once the platform takes every SKU' },
];

/** The example as imported: manual trigger (same name: connections refer to it), this shop, the mock platform. */
function stockWorkflow(platformUrl: string): { workflow: Record<string, unknown>; limit: number; staticCheck: Check } {
	const example = readExample(EXAMPLE, [TRIGGER, GET_CHANGES, PUSH, ACK, NOTIFY_REFUSED, NOTIFY_FAILED]);
	let limit = 100; // Get Changes' default Max Records
	const nodes = example.nodes.map((node) => {
		if (node.name === TRIGGER) return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
		if (node.name === PUSH) return { ...node, parameters: { ...node.parameters, url: platformUrl } };
		if (node.name !== GET_CHANGES) return node;
		limit = Number(node.parameters.maxRecords ?? limit);
		return { ...node, parameters: { ...node.parameters, shopNo: SHOP } };
	});
	return { workflow: { ...example, nodes, id: WORKFLOW_ID, name: 'Stock sync (e2e)', active: false }, limit, staticCheck: noExpressionReadsOtherNodes(example.nodes) };
}

/** A change is a record at one count: what Get Changes returns once per execution, and what an ack echoes. */
const key = (change: object): string => {
	const { rec_id, stock_change_count } = change as { rec_id?: unknown; stock_change_count?: unknown };
	return `${String(rec_id)}@${String(stock_change_count)}`;
};
const keys = (changes: readonly object[]): string => JSON.stringify(changes.map(key));
const sortedKeys = (changes: readonly object[]): string => JSON.stringify(changes.map(key).sort());
/** What the platform was told: this listing at this stock. */
const pushKey = (sku: unknown, stock: unknown): string => `${String(sku)}=${String(stock)}`;

/** The ERP's stock changed for a listing: count + 1, pending (again). As the gateway's changeStock does it. */
const restocked = (change: StockChange): StockChange => ({
	...change,
	sync_stock: change.sync_stock + RESTOCK,
	stock_change_count: change.stock_change_count + 1,
});

interface PlannedRound {
	returned: StockChange[];
	refused: StockChange[];
	/** What the round's ack lists (the changes the platform took, as returned), and whether each clears. */
	acked: Array<{ change: StockChange; applied: boolean }>;
}

/**
 * One tick (one execution) as it must go, worked out without n8n; updates `pool` (the pending
 * changes by rec_id). Each round the gateway lists the first `limit` pending changes by rec_id;
 * Get Changes returns those it has not returned in this execution; the platform takes those whose
 * SKU it does not refuse (when `refusing`), and as it takes the `restock` listing's stock for the
 * first time, the ERP's stock of that listing changes; the round acknowledges what the platform
 * took, as it was returned, which clears a change only if its count is still the ERP's. The loop
 * goes round again while a round acknowledged something.
 */
function planTick(pool: Map<string, StockChange>, limit: number, refusing: boolean, restock: { recId: string; done: boolean }): PlannedRound[] {
	const returnedBefore = new Set<string>();
	const rounds: PlannedRound[] = [];
	for (;;) {
		const returned = [...pool.values()]
			.sort(byRecId)
			.slice(0, limit)
			.filter((change) => !returnedBefore.has(key(change)));
		returned.forEach((change) => returnedBefore.add(key(change)));
		const refused = returned.filter((change) => refusing && isRefusedSku(change.spec_no));
		const taken = returned.filter((change) => !refused.includes(change));
		const restocking = taken.find((change) => change.rec_id === restock.recId && !restock.done);
		if (restocking) {
			restock.done = true;
			pool.set(restocking.rec_id, restocked(restocking));
		}
		const acked = taken.map((change) => {
			const applied = pool.get(change.rec_id)?.stock_change_count === change.stock_change_count;
			if (applied) pool.delete(change.rec_id);
			return { change, applied };
		});
		rounds.push({ returned, refused, acked });
		if (acked.length === 0) return rounds;
	}
}

/** A node's output items over all its runs in the execution (the loop runs it once a round). */
const itemsOf = (run: ExecuteRun, name: string, output = 0): ExecuteItem[] =>
	(run.data?.resultData?.runData?.[name] ?? []).flatMap((nodeRun) => nodeRun.data?.main?.[output] ?? []);

/** What the mock saw during one tick. */
interface TickLog {
	calls: MockGateway['calls'];
	ledger: MockGateway['stockLedger'];
	/** The pushes the platform had taken when each ack request arrived, by request number. */
	takenBefore: ReadonlyMap<number, ReadonlySet<string>>;
	pending: StockChange[];
}

/** What one tick must show in n8n's run data and in what the mock saw meanwhile. */
function checkTick(tick: number, run: ExecuteRun, rounds: PlannedRound[], log: TickLog, left: StockChange[], limit: number): Check[] {
	const label = `tick ${tick}`;
	const runData = run.data?.resultData?.runData ?? {};
	const error = run.data?.resultData?.error;
	const returnedPerRun = (runData[GET_CHANGES] ?? []).map((nodeRun) => (nodeRun.data?.main?.[0] ?? []).map((item) => item.json));
	const queries = log.calls.filter((call) => call.api === 'api_goods_stock_change_query');
	const ackLists = log.calls
		.filter((call) => call.api === 'api_goods_stock_change_ack')
		.map((call) => JSON.parse(call.params.stock_sync_list ?? 'null') as unknown);
	const ackRounds = rounds.filter((round) => round.acked.length > 0);
	const acked = rounds.flatMap((round) => round.acked);
	const refused = rounds.flatMap((round) => round.refused);
	const returned = rounds.flatMap((round) => round.returned);
	const pushed = itemsOf(run, PUSH);
	const pushErrors = pushed.filter((item) => item.json.error !== undefined).length;
	const notified = itemsOf(run, NOTIFY_REFUSED).map((item) => item.json);
	const echo = ({ rec_id, sync_stock, stock_change_count }: StockChange) => ({ rec_id, sync_stock, stock_change_count });
	// The ack sends rec_id as text and the two stock fields as they came: compare them as text.
	const asText = (value: unknown): string => JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' ? String(item) : item));
	const specNo = new Map(returned.map((change) => [change.rec_id, change.spec_no]));
	const notTakenFirst = log.ledger.filter((entry) => !log.takenBefore.get(entry.requestNumber)?.has(pushKey(specNo.get(entry.recId), entry.syncStock)));
	const ledgered = log.ledger.map(({ recId, syncStock, stockChangeCount, applied }) => ({ rec_id: recId, sync_stock: syncStock, stock_change_count: stockChangeCount, applied }));
	const stale = acked.filter((entry) => !entry.applied).length;
	const acknowledged = itemsOf(run, ACK, 0).map((item) => item.json);
	const failed = itemsOf(run, ACK, 1).map((item) => item.json.wdtAck);

	const checks: Check[] = [
		[!error && (run.status === 'success' || run.finished === true), `${label}: the workflow ran without error`, `status ${String(run.status)}: ${String(error?.message)}`],
		[
			queries.length === rounds.length && queries.every((query) => query.params.shop_no === SHOP && query.params.limit === String(limit)),
			`${label}: ${rounds.length} round(s), each one query to api_goods_stock_change_query for shop ${SHOP}, limit ${limit}`,
			JSON.stringify(queries.map((query) => query.params)),
		],
		[
			JSON.stringify(returnedPerRun.map(keys)) === JSON.stringify(rounds.map((round) => keys(round.returned))),
			returned.length === 0
				? `${label}: nothing was pending, so "${GET_CHANGES}" returned nothing`
				: `${label}: "${GET_CHANGES}" returned ${rounds.map((round) => round.returned.length).join(', then ')}: the pending changes it had not returned in this execution`,
			`returned per round: ${JSON.stringify(returnedPerRun.map(keys))}`,
		],
		[
			pushed.length === returned.length && pushErrors === refused.length,
			returned.length === 0 ? `${label}: nothing was pushed` : `${label}: "${PUSH}" answered each change once, ${refused.length} refused`,
			`${pushed.length} items, ${pushErrors} errors`,
		],
		refused.length === 0
			? [runData[NOTIFY_REFUSED] === undefined, `${label}: the platform refused nothing and "${NOTIFY_REFUSED}" did not run`, `it received ${notified.length}`]
			: [
					sortedKeys(notified) === sortedKeys(refused) && notified.every((json) => json.error !== undefined),
					`${label}: "${NOTIFY_REFUSED}" received the ${refused.length} refused changes, once each, each the change itself with the push's error`,
					`it received ${notified.length}: ${sortedKeys(notified)}`,
				],
	];
	if (ackRounds.length === 0) {
		checks.push([
			ackLists.length === 0 && runData[ACK] === undefined,
			`${label}: ${returned.length === 0 ? 'nothing came' : 'the platform took nothing'}, so "${ACK}" did not run and nothing was acknowledged: the ticks settle here`,
			`"${ACK}" ran ${runData[ACK]?.length ?? 0} time(s); ack calls: ${JSON.stringify(ackLists)}`,
		]);
	} else {
		checks.push(
			[
				ackLists.length === ackRounds.length && ackLists.every((list, index) => asText(list) === asText(ackRounds[index].acked.map(({ change }) => echo(change)))),
				`${label}: ${ackRounds.length} ack call(s), one a round, each listing exactly the changes the platform took in it, with the sync_stock and stock_change_count they were fetched with`,
				`ack calls: ${JSON.stringify(ackLists)}`,
			],
			[
				notTakenFirst.length === 0,
				`${label}: the platform had taken each change acknowledged, at that stock, before the ack call`,
				`not taken first: ${JSON.stringify(notTakenFirst)}`,
			],
			[
				asText(ledgered) === asText(acked.map(({ change, applied }) => ({ ...echo(change), applied }))),
				`${label}: the gateway's ledger took those acks, ${acked.length - stale} clearing their change${stale > 0 ? `, ${stale} stale (the stock changed since the fetch: left pending)` : ''}`,
				`ledger: ${JSON.stringify(ledgered)}`,
			],
			[
				keys(acknowledged) === keys(acked.map(({ change }) => change)) && failed.length === 0 && runData[NOTIFY_FAILED] === undefined,
				`${label}: "${ACK}" put each of them on Acknowledged, nothing on Failed, and "${NOTIFY_FAILED}" did not run`,
				`Acknowledged ${keys(acknowledged)}; Failed ${JSON.stringify(failed)}`,
			],
		);
	}
	checks.push([
		sortedKeys(log.pending) === sortedKeys(left),
		left.length === 0 ? `${label}: nothing is pending after it` : `${label}: the ${left.length} changes not acknowledged are still pending, nothing else is`,
		`pending: ${sortedKeys(log.pending)}`,
	]);
	return checks;
}

async function main(): Promise<boolean> {
	const [dir, n8nBin] = process.argv.slice(2);
	if (!dir || !n8nBin) throw new Error('usage: stockSync.ts <work-dir> <n8n-bin>');
	const restock = { recId: '', done: false };
	const takenBefore = new Map<number, Set<string>>();
	const { platform, setRefusing } = await startStockPlatform((push: StockPush) => {
		const listing = gateway.stockPending(SHOP).find((change) => change.rec_id === restock.recId);
		if (restock.done || listing === undefined || push.sku !== listing.spec_no) return;
		restock.done = true;
		gateway.changeStock(listing.rec_id, listing.sync_stock + RESTOCK);
	});
	const taken = (): Set<string> =>
		new Set(platform.received.filter((_push, index) => !platform.answers[index].refused).map((push) => pushKey(push.sku, push.stock)));
	const gateway: MockGateway = await MockGateway.start({
		onRequest: (request) => {
			if (request.api === 'api_goods_stock_change_ack') takenBefore.set(request.number, taken());
		},
	});
	try {
		const seeded = gateway.seedStockChanges(CHANGES, SHOP);
		// The restocked listing: the first the platform takes, so the restock comes in the first round.
		restock.recId = seeded.find((change) => !isRefusedSku(change.spec_no))?.rec_id ?? '';
		const { workflow, limit, staticCheck } = stockWorkflow(platform.url);
		await importWorkflow(n8nBin, dir, 'stock', { credential: CREDENTIAL, baseUrl: gateway.baseUrl, workflows: [workflow] });

		const checks: Check[] = [staticCheck];
		const pool = new Map(seeded.map((change) => [change.rec_id, { ...change }]));
		const plannedRestock = { recId: restock.recId, done: false };
		const plannedAcks: StockChange[] = [];
		const plannedPushes: string[] = [];
		let tick = 0;
		for (const phase of PHASES) {
			setRefusing(phase.refusing);
			// The phase's ticks: until one acknowledges nothing.
			const ticks: Array<{ rounds: PlannedRound[]; left: StockChange[] }> = [];
			do {
				const rounds = planTick(pool, limit, phase.refusing, plannedRestock);
				ticks.push({ rounds, left: [...pool.values()] });
			} while (ticks[ticks.length - 1].rounds.some((round) => round.acked.length > 0));
			for (const { rounds } of ticks) {
				plannedAcks.push(...rounds.flatMap((round) => round.acked.map(({ change }) => change)));
				plannedPushes.push(...rounds.flatMap((round) => round.returned.map((change) => pushKey(change.spec_no, change.sync_stock))));
			}
			// One `n8n execute` per tick of the schedule, until a tick acknowledges nothing (or, should
			// that never come, two ticks more than planned).
			const first = tick + 1;
			for (;;) {
				tick += 1;
				const [callsBefore, ledgerBefore] = [gateway.calls.length, gateway.stockLedger.length];
				const run = parseExecuteOutput(await n8nCommand(n8nBin, dir, `stock-execute-${tick}`, ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']));
				const calls = gateway.calls.slice(callsBefore);
				const log = { calls, ledger: gateway.stockLedger.slice(ledgerBefore), takenBefore, pending: gateway.stockPending(SHOP) };
				const planned = ticks[tick - first] ?? { rounds: [{ returned: [], refused: [], acked: [] }], left: [] };
				checks.push(...checkTick(tick, run, planned.rounds, log, planned.left, limit));
				if (!calls.some((call) => call.api === 'api_goods_stock_change_ack') || tick - first + 1 >= ticks.length + 2) break;
			}
			const summary = ticks
				.map(({ rounds }) => rounds.map((round) => `${round.returned.length}/${round.acked.length}`).join(' '))
				.join(', ');
			checks.push([
				tick - first + 1 === ticks.length,
				`${phase.what}: ${ticks.length} ticks (rounds returned/acknowledged: ${summary}), then the ticks settle`,
				`it took ${tick - first + 1} tick(s)`,
			]);
		}

		const ledger = gateway.stockLedger;
		const ackCount = (change: StockChange): number =>
			ledger.filter((entry) => entry.recId === change.rec_id && entry.stockChangeCount === change.stock_change_count && entry.syncStock === change.sync_stock).length;
		const versions = [...seeded, restocked(seeded.find((change) => change.rec_id === restock.recId) ?? seeded[0])];
		const sorted = (list: string[]): string => JSON.stringify([...list].sort());
		checks.push(
			[
				restock.done && ledger.filter((entry) => !entry.applied).length === 1 && ledger.find((entry) => !entry.applied)?.recId === restock.recId,
				`the restock during the first tick made exactly one ack stale: the restocked change's old count, left pending and fetched again`,
				`restocked: ${String(restock.done)}; stale acks: ${JSON.stringify(ledger.filter((entry) => !entry.applied))}`,
			],
			[
				versions.every((change) => ackCount(change) === 1) && ledger.length === versions.length && sortedKeys(plannedAcks) === sortedKeys(versions),
				`each of the ${versions.length} changes (${seeded.length} records, one restocked mid-run) was acknowledged exactly once, with its own sync_stock and stock_change_count`,
				`${ledger.length} acknowledgements; not once: ${JSON.stringify(versions.filter((change) => ackCount(change) !== 1).map(key))}`,
			],
			[gateway.stockPending(SHOP).length === 0, 'nothing is pending at the end', `pending: ${sortedKeys(gateway.stockPending(SHOP))}`],
			[
				sorted(platform.received.map((push) => pushKey(push.sku, push.stock))) === sorted(plannedPushes),
				`the platform received ${plannedPushes.length} pushes: each change once per tick that returned it, none twice in a tick`,
				`${platform.received.length} pushes`,
			],
			[
				gateway.requests.every((request) => request.outcome === 'ok' && request.code === 0),
				`the gateway answered all ${gateway.requests.length} requests with code 0`,
				JSON.stringify(gateway.requests.filter((request) => request.code !== 0).map(({ api, code }) => ({ api, code }))),
			],
		);
		return printChecks('Stock sync example (stockSync.ts):', 'stock sync', checks);
	} finally {
		await Promise.all([gateway.close(), platform.close()]);
	}
}

runCheck('stock sync', main);
