/**
 * The stock-sync example (examples/stock-sync.workflow.json) in the real n8n (run by run.sh after
 * the loop checks, with n8n's settings exported):
 *
 *   ts-node --transpile-only scripts/e2e/stockSync.ts <work-dir> <n8n-bin>
 *
 * Get stock changes (our node's API Call, api_goods_stock_change_query.php split on
 * stock_change_list) → n8n's HTTP Request pushing each to a mock shop platform that refuses some
 * SKUs (stockPlatform.ts) → n8n's If "Pushed?" → our API Call acknowledging the round through
 * api_goods_stock_change_ack.php (one stock_sync_list), refusals to the notify branch.
 *
 * Its own mock gateway (130 stock changes in a shop of their own) and platform, in this process;
 * a credential and the example (its schedule trigger made a manual one, so `n8n execute` can start
 * it) imported with n8n's CLI. The example runs every 5 minutes: here one `n8n execute` is one
 * tick, as many ticks as it takes until a tick acknowledges nothing; first while the platform
 * refuses some SKUs (then only those are still pending), then once it takes them all (then
 * nothing is, and the last tick finds no change at all). The ticks expected are worked out from
 * the seeded changes and the platform's rule, apart from n8n. Checks, from what n8n printed and
 * the mock's call log and pool: each tick queried the changes expected and sent each refusal to
 * the notify branch (traced back through n8n's pairedItem); every change is acknowledged exactly
 * once, only after the platform took it, with the sync_stock and stock_change_count it was
 * queried with; refused changes stay pending; the ticks settle. Prints one line per check; exits
 * 1 on any failure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_ACCOUNT, MockGateway, type StockChange } from '../../test/mock/gateway';
import { n8nCommand, printChecks, runCheck, type Check } from './checkProcess';
import { parseExecuteOutput, type ExecuteItem, type ExecuteRun } from './executeOutput';
import { isRefusedSku, startStockPlatform } from './stockPlatform';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'stock-sync.workflow.json');
const TRIGGER = 'Every 5 minutes';
const GET_CHANGES = 'Get stock changes';
const PUSH = 'REPLACE ME: push stock to your platform';
const PUSHED = 'Pushed?';
const ACK = 'Acknowledge stock sync';
const NOTIFY = 'REPLACE ME: notify about stock the platform refused';
const SHOP = 'e2e-stock-shop';
/** More than one query's worth (the example asks for 100), so a round leaves some for the next. */
const CHANGES = 130;
const CREDENTIAL = { id: 'wdt-stock', name: 'Wangdiantong mock gateway (stock sync)' };
const WORKFLOW_ID = 'wdtE2eStockSync'; // n8n 1.x: at most 16 characters
/** The platform first refuses some SKUs; then the seller fixes them and it takes them all. */
const PHASES = [
	{ refusing: true, what: 'while the platform refuses SKUs ending in -3' },
	{ refusing: false, what: 'once the platform takes every SKU' },
];

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}
type Pair = { name: string; value: string };

/** n8n's run data keeps, per output item, which input item it came from. */
type TracedItem = ExecuteItem & { pairedItem?: number | { item: number } | Array<{ item: number }> };
const sourceIndex = (item: TracedItem | undefined): number => {
	const paired = item?.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired[0]?.item ?? -1;
	return paired?.item ?? -1;
};

function node(nodes: WorkflowNode[], name: string): WorkflowNode {
	const found = nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`examples/stock-sync.workflow.json has no node "${name}": update stockSync.ts`);
	return found;
}

/** The example's own query parameters (name → value), so the plan follows its limit. */
function queryParameters(nodes: WorkflowNode[]): Pair[] {
	const { parameters } = node(nodes, GET_CHANGES).parameters as { parameters?: { parameter?: Pair[] } };
	return parameters?.parameter ?? [];
}

/** The example as imported: manual trigger (same name: connections refer to it), this shop, the mock platform, this credential. */
function stockWorkflow(platformUrl: string): { workflow: Record<string, unknown>; limit: number } {
	const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: WorkflowNode[] } & Record<string, unknown>;
	for (const name of [TRIGGER, PUSH, PUSHED, ACK, NOTIFY]) node(example.nodes, name);
	const pairs = queryParameters(example.nodes);
	if (!pairs.some((pair) => pair.name === 'shop_no')) throw new Error(`"${GET_CHANGES}" has no shop_no parameter: update stockSync.ts`);
	const limit = Number(pairs.find((pair) => pair.name === 'limit')?.value ?? 100);
	const nodes = example.nodes.map((item) => {
		if (item.name === TRIGGER) return { ...item, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
		if (item.name === PUSH) return { ...item, parameters: { ...item.parameters, url: platformUrl } };
		if (item.name === GET_CHANGES) {
			const parameter = pairs.map((pair) => (pair.name === 'shop_no' ? { ...pair, value: SHOP } : pair));
			return { ...item, parameters: { ...item.parameters, parameters: { parameter } }, credentials: { wangdiantongApi: CREDENTIAL } };
		}
		return item.credentials ? { ...item, credentials: { wangdiantongApi: CREDENTIAL } } : item;
	});
	return { workflow: { ...example, nodes, id: WORKFLOW_ID, name: 'Stock sync (e2e)', active: false }, limit };
}

interface PlannedRound {
	queried: StockChange[];
	acked: StockChange[];
	refused: StockChange[];
}

/**
 * What the ticks must do, worked out without n8n: each queries the first `limit` pending changes
 * (the gateway lists them by rec_id), the platform takes those whose SKU it does not refuse (when
 * `refusing`), those leave the pool; the last tick is the first that takes nothing. `left`: what
 * is still pending then.
 */
function plan(changes: readonly StockChange[], limit: number, refusing: boolean): { rounds: PlannedRound[]; left: StockChange[] } {
	const refuses = (change: StockChange): boolean => refusing && isRefusedSku(change.spec_no);
	let pending = [...changes].sort((a, b) => (BigInt(a.rec_id) < BigInt(b.rec_id) ? -1 : 1));
	const rounds: PlannedRound[] = [];
	for (;;) {
		const queried = pending.slice(0, limit);
		const acked = queried.filter((change) => !refuses(change));
		rounds.push({ queried, acked, refused: queried.filter(refuses) });
		if (acked.length === 0) return { rounds, left: pending };
		pending = pending.filter((change) => !acked.includes(change));
	}
}

const n8n = async (n8nBin: string, dir: string, label: string, args: string[]): Promise<string> =>
	await n8nCommand(n8nBin, dir, `stock-${label}`, args);

/** The rec_ids of changes or of items' json, as text: the gateway's and n8n's may differ in type. */
const recIds = (changes: readonly object[]): string[] => changes.map((change) => String((change as { rec_id?: unknown }).rec_id));
const ids = (changes: readonly object[]): string => JSON.stringify(recIds(changes));
const sortedIds = (changes: readonly object[]): string => JSON.stringify(recIds(changes).sort());

/** What one tick must show in n8n's run data and the calls the gateway received meanwhile. */
function checkRound(round: number, run: ExecuteRun, planned: PlannedRound, calls: MockGateway['calls'], limit: number): Check[] {
	const label = `tick ${round}`;
	const runData = run.data?.resultData?.runData ?? {};
	const output = (name: string, index = 0): TracedItem[] => runData[name]?.[0]?.data?.main?.[index] ?? [];
	const queried = output(GET_CHANGES).map((item) => item.json);
	const pushed = output(PUSH);
	// Each refusal the notify branch got, traced back to the change it is about: notify ← Pushed?'s
	// "false" output ← the push ← Get stock changes.
	const notified = output(NOTIFY).map((item) => queried[sourceIndex(pushed[sourceIndex(output(PUSHED, 1)[sourceIndex(item)])])] ?? {});
	const queries = calls.filter((call) => call.api === 'api_goods_stock_change_query');
	const acks = calls.filter((call) => call.api === 'api_goods_stock_change_ack');
	const ackList = acks.map((call) => JSON.parse(call.params.stock_sync_list ?? 'null') as unknown);
	const expectedList = planned.acked.map(({ rec_id, sync_stock, stock_change_count }) => ({ rec_id, sync_stock, stock_change_count }));
	const asText = (list: unknown): string => JSON.stringify(list, (_key, value: unknown) => (typeof value === 'number' ? String(value) : value));
	const error = run.data?.resultData?.error;
	return [
		[!error && (run.status === 'success' || run.finished === true), `${label}: the workflow ran without error`, `status ${String(run.status)}: ${String(error?.message)}`],
		[
			queries.length === 1 && queries[0].params.shop_no === SHOP && queries[0].params.limit === String(limit),
			`${label}: one query to api_goods_stock_change_query for shop ${SHOP}, limit ${limit}`,
			JSON.stringify(queries),
		],
		[
			ids(queried) === ids(planned.queried),
			`${label}: "${GET_CHANGES}" split the answer into the ${planned.queried.length} pending changes expected`,
			`got ${queried.length}: ${ids(queried)}`,
		],
		[
			pushed.length === queried.length && pushed.filter((item) => item.json.error !== undefined).length === planned.refused.length,
			`${label}: "${PUSH}" answered each change, ${planned.refused.length} refused`,
			`${pushed.length} items, ${pushed.filter((item) => item.json.error !== undefined).length} errors`,
		],
		[
			sortedIds(notified) === sortedIds(planned.refused) && output(NOTIFY).length === planned.refused.length,
			`${label}: "${NOTIFY}" received the ${planned.refused.length} refused changes, once each`,
			`it received ${output(NOTIFY).length}, traced to ${sortedIds(notified)}`,
		],
		planned.acked.length === 0
			? [
					acks.length === 0 && runData[ACK] === undefined,
					`${label}: ${planned.queried.length === 0 ? 'nothing was pending' : 'the platform took nothing'}, so "${ACK}" did not run and nothing was acknowledged: the ticks settle here`,
					`"${ACK}" ran ${runData[ACK]?.length ?? 0} time(s); ack calls: ${JSON.stringify(acks)}`,
				]
			: [
					acks.length === 1 && (runData[ACK]?.length ?? 0) === 1 && asText(ackList[0]) === asText(expectedList),
					`${label}: one ack call whose stock_sync_list holds exactly the ${planned.acked.length} changes the platform took, with the sync_stock and stock_change_count they were queried with`,
					`${acks.length} ack call(s): ${JSON.stringify(ackList)}`,
				],
	];
}

async function main(): Promise<boolean> {
	const [dir, n8nBin] = process.argv.slice(2);
	if (!dir || !n8nBin) throw new Error('usage: stockSync.ts <work-dir> <n8n-bin>');
	const gateway = await MockGateway.start();
	const { platform, setRefusing } = await startStockPlatform();
	try {
		const seeded = gateway.seedStockChanges(CHANGES, SHOP).map((change) => ({ ...change }));
		const { workflow, limit } = stockWorkflow(platform.url);
		const credentials = [{ ...CREDENTIAL, type: 'wangdiantongApi', data: { environment: 'custom', baseUrl: gateway.baseUrl, ...DEFAULT_ACCOUNT } }];
		const workflowDir = path.join(dir, 'stock-workflows');
		mkdirSync(workflowDir, { recursive: true });
		writeFileSync(path.join(dir, 'stock-credentials.json'), JSON.stringify(credentials));
		writeFileSync(path.join(workflowDir, 'stock-sync.json'), JSON.stringify(workflow, null, 2));
		await n8n(n8nBin, dir, 'import-credentials', ['import:credentials', `--input=${path.join(dir, 'stock-credentials.json')}`]);
		await n8n(n8nBin, dir, 'import-workflow', ['import:workflow', '--separate', `--input=${workflowDir}`]);

		const checks: Check[] = [];
		const ackCalls = (): MockGateway['calls'] => gateway.calls.filter((call) => call.api === 'api_goods_stock_change_ack');
		const ackedIn = (calls: MockGateway['calls']): Array<{ rec_id?: unknown; sync_stock?: unknown; stock_change_count?: unknown }> =>
			calls.flatMap((call) => JSON.parse(call.params.stock_sync_list ?? '[]') as Array<Record<string, unknown>>);
		let pending: readonly StockChange[] = seeded;
		let round = 0;
		const plannedPushes: string[] = [];
		for (const phase of PHASES) {
			setRefusing(phase.refusing);
			const planned = plan(pending, limit, phase.refusing);
			plannedPushes.push(...planned.rounds.flatMap((tick) => tick.queried.map((change) => change.spec_no)));
			const first = round + 1;
			const acksBefore = ackCalls().length;
			// One `n8n execute` per tick of the schedule, until a tick acknowledges nothing (or, should
			// that never come, two ticks more than planned).
			for (;;) {
				round += 1;
				const callsBefore = gateway.calls.length;
				const run = parseExecuteOutput(await n8n(n8nBin, dir, `execute-${round}`, ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']));
				const calls = gateway.calls.slice(callsBefore);
				checks.push(...checkRound(round, run, planned.rounds[round - first] ?? { queried: [], acked: [], refused: [] }, calls, limit));
				if (!calls.some((call) => call.api === 'api_goods_stock_change_ack') || round - first + 1 >= planned.rounds.length + 2) break;
			}
			const ticks = round - first + 1;
			const summary = planned.rounds.map((tick) => `${tick.queried.length} queried/${tick.acked.length} acknowledged`).join(', ');
			const ackedNow = ackedIn(ackCalls().slice(acksBefore)).map((entry) => String(entry.rec_id));
			checks.push(
				[ticks === planned.rounds.length, `${phase.what}: ${planned.rounds.length} ticks (${summary}), then the ticks settle`, `it took ${ticks} tick(s)`],
				[
					!planned.left.some((change) => ackedNow.includes(change.rec_id)) && sortedIds(gateway.stockPending(SHOP)) === sortedIds(planned.left),
					planned.left.length === 0
						? `${phase.what}: nothing is left pending`
						: `${phase.what}: the ${planned.left.length} changes the platform refused were never acknowledged and are still pending, nothing else is`,
					`pending: ${ids(gateway.stockPending(SHOP))}`,
				],
			);
			pending = planned.left;
		}

		const acked = ackedIn(ackCalls());
		const ackedIds = acked.map((entry) => String(entry.rec_id));
		const seededAs = new Map(seeded.map((change) => [change.rec_id, `${change.sync_stock}/${change.stock_change_count}`]));
		const sorted = (list: string[]): string => JSON.stringify([...list].sort());
		checks.push(
			[
				seeded.every((change) => ackedIds.filter((id) => id === change.rec_id).length === 1) &&
					acked.every((entry) => seededAs.get(String(entry.rec_id)) === `${String(entry.sync_stock)}/${String(entry.stock_change_count)}`),
				`each of the ${seeded.length} changes was acknowledged exactly once, once the platform took it, with its sync_stock and stock_change_count`,
				`${acked.length} acknowledgements of ${new Set(ackedIds).size} changes`,
			],
			[
				sorted(platform.received.map((push) => String(push.sku))) === sorted(plannedPushes),
				`the platform received ${plannedPushes.length} pushes: each change once per tick that queried it, none twice in a tick`,
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
