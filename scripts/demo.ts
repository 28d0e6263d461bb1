/**
 * `npm run demo`: the main job on an embedded default, no ERP account needed.
 *
 * Starts the local mock openapi2 gateway and runs the example workflows through n8n's real
 * execution engine with a credential pointing at the mock:
 *   1. examples/acknowledge.workflow.json — prints what left on Acknowledged and on Failed;
 *   2. examples/logistics-sync-loop.workflow.json (skip with `-- --ack-only`) — drains a pool of
 *      pending records through a mock shop platform, round by round.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../test/harness';
import { DEFAULT_ACCOUNT, MockGateway } from '../test/mock/gateway';
import { MockPlatform } from '../test/mock/platform';

const example = (name: string) =>
	JSON.parse(readFileSync(path.join(__dirname, '..', 'examples', name), 'utf8')) as WorkflowJson;

const credentials = (gateway: MockGateway) => ({
	wangdiantongApi: { environment: 'custom', baseUrl: gateway.baseUrl, ...DEFAULT_ACCOUNT },
});

function line(item: INodeExecutionData): string {
	const ack = item.json.wdtAck as IDataObject;
	const input = `item ${String((item.pairedItem as { item: number }).item)}`;
	const record = `rec_id ${String(ack.recId ?? item.json.rec_id)}`.padEnd(20);
	if (!ack.reason) return `  ${input}  ${record} status ${String(ack.status)}  ${String(ack.message ?? '')}`;
	return `  ${input}  ${record} ${String(ack.reason).padEnd(14)} ${String(ack.error)}`;
}

async function acknowledgeExample(gateway: MockGateway): Promise<boolean> {
	gateway.seedPending(6); // rec_id 100001–100006, as the example's sample results use
	console.log('1. examples/acknowledge.workflow.json\n');
	const result = await runWorkflow({ workflow: example('acknowledge.workflow.json'), credentials: credentials(gateway) });
	if (result.status !== 'success') {
		console.error(`The workflow ended with status "${result.status}": ${result.error?.message ?? ''}`);
		return false;
	}
	const [acknowledged = [], failed = []] = result.outputs('Acknowledge to ERP');
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

async function syncLoopExample(gateway: MockGateway): Promise<boolean> {
	const shopNo = 'demo-shop';
	gateway.reset();
	const ids = gateway.seedPending(230, { shopNo }).map((r) => r.rec_id);
	gateway.lockRecords([ids[7]]); // one record the ERP refuses to update, round after round
	const platform = await MockPlatform.start();
	try {
		const workflow = example('logistics-sync-loop.workflow.json');
		for (const node of workflow.nodes) {
			if (node.type === 'n8n-nodes-wangdiantong.wangdiantong' && node.parameters.operation === 'getPending') {
				node.parameters.shopNo = shopNo;
			}
			if (node.type === 'n8n-nodes-base.httpRequest') node.parameters.url = platform.url;
		}
		console.log(`\n2. examples/logistics-sync-loop.workflow.json — ${ids.length} pending records in shop "${shopNo}"\n`);
		const result = await runWorkflow({ workflow, credentials: credentials(gateway) });
		const runs = result.run.data.resultData.runData['Acknowledge to ERP'] ?? [];
		runs.forEach((run, round) => {
			const [acknowledged = [], failed = []] = run.data?.main ?? [];
			console.log(`  round ${round + 1}: ${acknowledged?.length ?? 0} acknowledged, ${failed?.length ?? 0} failed`);
		});
		const refusedByPlatform = gateway.ledger.filter((e) => e.status === 1).length;
		console.log(
			`\nStatus: ${result.status}. The ERP recorded ${gateway.ledger.length} acknowledgements ` +
				`(${refusedByPlatform} reporting a platform refusal with status 1); ` +
				`${gateway.pending(shopNo).length} record(s) still pending (refused by the ERP, sent to the notify branch once).`,
		);
		return result.status === 'success';
	} finally {
		await platform.close();
	}
}

async function main(): Promise<void> {
	const gateway = await MockGateway.start();
	try {
		console.log(`Mock openapi2 gateway: ${gateway.baseUrl} — workflows run through n8n's execution engine.\n`);
		const ok = (await acknowledgeExample(gateway)) && (process.argv.includes('--ack-only') || (await syncLoopExample(gateway)));
		if (!ok) process.exitCode = 1;
	} finally {
		await gateway.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
