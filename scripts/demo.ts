/**
 * `npm run demo`: the main job on an embedded default, no ERP account needed.
 *
 * Starts the local mock openapi2 gateway and runs our node's jobs through n8n's real execution
 * engine with a credential pointing at the mock:
 *   1. Acknowledge, fed the sample results of examples/acknowledge.workflow.json — prints what
 *      left on Acknowledged and on Failed;
 *   2. (skip with `-- --ack-only`) Get Pending → Acknowledge looping in one execution until a
 *      pool of pending records is drained, round by round.
 * n8n's own nodes around ours in the examples (Code, HTTP Request, Schedule Trigger) are not part
 * of n8n-core: import the examples into n8n, or run `npm run test:e2e`, to see them work.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from '../test/harness';
import { MockGateway } from '../test/mock/gateway';
import { ACKNOWLEDGE, NODE, ackWorkflow, mockCredentials, syncLoopWorkflow } from '../test/workflow/ackWorkflow';

/** What the example's "Platform sync results" Code node returns. */
const SAMPLE_RESULTS: IDataObject[] = [
	{ rec_id: '100001', status: 0, message: '已同步到商城' },
	{ rec_id: '100002', status: 0, message: '已同步到商城' },
	{ rec_id: '100003', status: 'success' },
	{ rec_id: '100004', status: 1, message: '商城接口返回: 运单号格式不正确' },
	{ rec_id: '100005', status: 'failed', message: '商城订单已关闭' },
	{ rec_id: '100006', status: 0, message: '已同步到商城 📦' },
	{ rec_id: '999999', status: 0, message: '这条记录在ERP中不存在' },
	{ rec_id: 'TRK-7', status: 0, message: 'rec_id 填错了: 这是运单号' },
];

function line(item: INodeExecutionData): string {
	const ack = item.json.wdtAck as IDataObject;
	const input = `item ${String((item.pairedItem as { item: number }).item)}`;
	const record = `rec_id ${String(ack.recId ?? item.json.rec_id)}`.padEnd(20);
	if (!ack.reason) return `  ${input}  ${record} status ${String(ack.status)}  ${String(ack.message ?? '')}`;
	return `  ${input}  ${record} ${String(ack.reason).padEnd(14)} ${String(ack.error)}`;
}

async function acknowledge(gateway: MockGateway): Promise<boolean> {
	gateway.seedPending(6); // rec_id 100001–100006, as the example's sample results use
	console.log("1. Acknowledge: the sample results of examples/acknowledge.workflow.json\n");
	const result = await runWorkflow({ workflow: ackWorkflow(SAMPLE_RESULTS), credentials: mockCredentials(gateway) });
	if (result.status !== 'success') {
		console.error(`The workflow ended with status "${result.status}": ${result.error?.message ?? ''}`);
		return false;
	}
	const [acknowledged = [], failed = []] = result.outputs(NODE);
	console.log(`Acknowledged (${acknowledged.length}):`);
	acknowledged.forEach((item) => console.log(line(item)));
	console.log(`\nFailed (${failed.length}):`);
	failed.forEach((item) => console.log(line(item)));
	const calls = gateway.requests.filter((r) => r.api === 'logistics_sync_ack').length;
	console.log(
		`\nThe gateway received ${calls} signed request(s) and recorded ${gateway.ledger.length} acknowledgement(s); ` +
			`${gateway.pending().length} record(s) are still pending.`,
	);
	return true;
}

async function syncLoop(gateway: MockGateway): Promise<boolean> {
	const shopNo = 'demo-shop';
	gateway.reset();
	const ids = gateway.seedPending(230, { shopNo }).map((r) => r.rec_id);
	gateway.lockRecords([ids[7]]); // one record the ERP refuses to update, round after round
	console.log(`\n2. Get Pending → Acknowledge, looping — ${ids.length} pending records in shop "${shopNo}", 100 a round\n`);
	const result = await runWorkflow({ workflow: syncLoopWorkflow(shopNo), credentials: mockCredentials(gateway) });
	const runs = result.run.data.resultData.runData[ACKNOWLEDGE] ?? [];
	runs.forEach((run, round) => {
		const [acknowledged = [], failed = []] = run.data?.main ?? [];
		console.log(`  round ${round + 1}: ${acknowledged?.length ?? 0} acknowledged, ${failed?.length ?? 0} failed`);
	});
	console.log(
		`\nStatus: ${result.status}. The ERP recorded ${gateway.ledger.length} acknowledgements; ` +
			`${gateway.pending(shopNo).length} record(s) still pending (refused by the ERP, on Failed once: Get Pending ` +
			'never returns a record twice in one execution).',
	);
	return result.status === 'success';
}

async function main(): Promise<void> {
	const gateway = await MockGateway.start();
	try {
		console.log(`Mock openapi2 gateway: ${gateway.baseUrl} — our node runs in n8n's execution engine.\n`);
		const ok = (await acknowledge(gateway)) && (process.argv.includes('--ack-only') || (await syncLoop(gateway)));
		if (!ok) process.exitCode = 1;
	} finally {
		await gateway.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
