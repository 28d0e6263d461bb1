/**
 * The sync loop example (examples/logistics-sync-loop.workflow.json) in the real n8n: Get Pending
 * → the HTTP Request node pushing to the mock shop platform → Acknowledge → Code loops back, until
 * nothing new is pending. It exercises what the acknowledge example does not: Get Pending, its
 * per-execution memory (n8n's node context), a loop in n8n's engine, and n8n's own HTTP Request
 * and Code nodes beside ours.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { MockState } from '../../test/mock/cli';
import type { ExecuteRun } from './executeOutput';

/** One line of the check list: what was checked and, when it failed, what was seen. */
export type Expect = (ok: boolean, what: string, detail?: string) => boolean;

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'logistics-sync-loop.workflow.json');
const TRIGGER = 'Every 5 minutes';
const GET_PENDING = 'Get pending records';
const PUSH = 'REPLACE ME: push tracking number to your platform';
const ACK = 'Acknowledge to ERP';
/** The shop run.sh seeds for the loop (`--seed e2e-loop-shop=230`). */
export const LOOP_SHOP = 'e2e-loop-shop';
export const loopRecords = (state: MockState): string[] => state.seeded[LOOP_SHOP] ?? [];
/** n8n 1.x treats workflow ids of at most 16 characters as valid (utils.isWorkflowIdValid). */
export const LOOP_WORKFLOW_ID = 'wdtE2eSyncLoop';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

/**
 * The example pointed at a shop (the mock's loop shop unless told) and the mock platform. `n8n execute` starts only from a
 * manual trigger, so the schedule trigger becomes one, under the same name (the connections
 * refer to it by name).
 */
export function loopWorkflow(state: Pick<MockState, 'platformUrl'>, shopNo = LOOP_SHOP): Record<string, unknown> {
	const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: WorkflowNode[] } & Record<string, unknown>;
	const nodes = workflow.nodes.map((node) => {
		if (node.name === TRIGGER) return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
		if (node.name === GET_PENDING) return { ...node, parameters: { ...node.parameters, shopNo } };
		if (node.name === PUSH) return { ...node, parameters: { ...node.parameters, url: state.platformUrl } };
		return node;
	});
	return { ...workflow, nodes, id: LOOP_WORKFLOW_ID, active: false };
}

export function checkLoop(run: ExecuteRun, state: MockState, expect: Expect): void {
	const error = run.data?.resultData?.error;
	expect(!error, 'sync loop: the workflow ran without error', error?.message);
	const runData = run.data?.resultData?.runData ?? {};
	const rounds = runData[GET_PENDING]?.length ?? 0;
	const returned = (runData[GET_PENDING] ?? []).map((nodeRun) => nodeRun.data?.main?.[0]?.length ?? 0);
	const total = loopRecords(state).length;
	// Limit 100 in the example: full rounds, a partial one, then a query that finds nothing new.
	const expectedRounds = Math.ceil(total / 100) + 1;
	expect(
		rounds === expectedRounds && returned.reduce((a, b) => a + b, 0) === total && returned[returned.length - 1] === 0,
		`sync loop: "${GET_PENDING}" ran ${expectedRounds} rounds, returned all ${total} records, the last round none`,
		`it ran ${rounds} round(s) returning ${JSON.stringify(returned)}`,
	);
	expect(
		(runData[ACK] ?? []).every((nodeRun) => !nodeRun.error),
		`sync loop: "${ACK}" reported no error in any round`,
		(runData[ACK] ?? []).map((nodeRun) => nodeRun.error?.message).join('; '),
	);

	const loopSet = new Set(loopRecords(state));
	const acks = state.ledger.filter((entry) => loopSet.has(entry.recId));
	expect(
		acks.length === total && new Set(acks.map((entry) => entry.recId)).size === total,
		`sync loop: the gateway recorded each of the ${total} loop records exactly once`,
		`${acks.length} acknowledgements of ${new Set(acks.map((entry) => entry.recId)).size} records`,
	);
	// The mock platform refuses order numbers ending in 7: those go back with status 1 and its reason.
	const refused = acks.filter((entry) => entry.status === 1);
	expect(
		refused.length > 0 &&
			refused.every((entry) => entry.message.startsWith('推送平台失败: ')) &&
			acks.filter((entry) => entry.status === 0).every((entry) => entry.message === '已同步到平台'),
		'sync loop: platform refusals went back as status 1 with the platform\'s reason, the rest as 0 "已同步到平台"',
		JSON.stringify(acks.slice(0, 5)),
	);
	expect(state.platformReceived === total, `sync loop: the shop platform received ${total} shipments`, `it received ${state.platformReceived}`);
	const queries = state.requests.filter((request) => request.api === 'logistics_sync_query');
	expect(
		queries.length === expectedRounds && queries.every((query) => query.shopNo === LOOP_SHOP),
		`sync loop: ${expectedRounds} queries to logistics_sync_query, all for shop ${LOOP_SHOP}`,
		JSON.stringify(queries),
	);
}
