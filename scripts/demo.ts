/**
 * `npm run demo`: the main job on an embedded default, no ERP account needed.
 *
 * Starts the local mock gateway with a pool of pending records, runs the example workflow
 * (examples/acknowledge.workflow.json) through n8n's real execution engine with a credential
 * pointing at the mock, and prints what left on Acknowledged and on Failed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../test/harness';
import { DEFAULT_ACCOUNT, MockGateway } from '../test/mock/gateway';

const EXAMPLE = path.join(__dirname, '..', 'examples', 'acknowledge.workflow.json');
const ACK_NODE = 'Acknowledge to ERP';

function line(item: INodeExecutionData): string {
	const ack = item.json.wdtAck as IDataObject;
	const input = `item ${String((item.pairedItem as { item: number }).item)}`;
	const record = `rec_id ${String(ack.recId ?? item.json.rec_id)}`.padEnd(20);
	if (!ack.reason) return `  ${input}  ${record} status ${String(ack.status)}  ${String(ack.message ?? '')}`;
	return `  ${input}  ${record} ${String(ack.reason).padEnd(14)} ${String(ack.error)}`;
}

async function main(): Promise<void> {
	const gateway = await MockGateway.start();
	try {
		gateway.seedPending(6); // rec_id 100001–100006, as the example's sample results use
		const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as WorkflowJson;
		console.log(`Mock openapi2 gateway: ${gateway.baseUrl}`);
		console.log(`Running ${path.relative(process.cwd(), EXAMPLE)} through n8n's execution engine…\n`);

		const result = await runWorkflow({
			workflow,
			credentials: {
				wangdiantongApi: { environment: 'custom', baseUrl: gateway.baseUrl, ...DEFAULT_ACCOUNT },
			},
		});
		if (result.status !== 'success') {
			console.error(`The workflow ended with status "${result.status}": ${result.error?.message ?? ''}`);
			process.exitCode = 1;
			return;
		}
		const [acknowledged = [], failed = []] = result.outputs(ACK_NODE);
		console.log(`Acknowledged (${acknowledged.length}):`);
		acknowledged.forEach((item) => console.log(line(item)));
		console.log(`\nFailed (${failed.length}):`);
		failed.forEach((item) => console.log(line(item)));
		const calls = gateway.requests.filter((r) => r.api === 'logistics_sync_ack').length;
		console.log(
			`\nThe gateway received ${calls} signed request(s) and recorded ${gateway.ledger.length} acknowledgement(s); ` +
				`${gateway.pending().length} record(s) are still pending.`,
		);
	} finally {
		await gateway.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
