/**
 * The sync loop example (Schedule → Get Pending → push to platform → Acknowledge → loop) through
 * n8n's engine, against the mock gateway and a mock shop platform.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../harness';
import { MockGateway } from '../mock/gateway';
import { MockPlatform } from '../mock/platform';
import { mockCredentials } from './ackWorkflow';

const SHOP = 'loop-shop';
const PUSH = 'REPLACE ME: push tracking number to your platform';

/** The example as shipped, pointed at this test's shop and platform. */
export function loopWorkflow(shopNo: string, platformUrl: string): WorkflowJson {
	const file = path.join(__dirname, '..', '..', 'examples', 'logistics-sync-loop.workflow.json');
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (node.name === 'Get pending records') node.parameters.shopNo = shopNo;
		if (node.name === PUSH) node.parameters.url = platformUrl;
	}
	return workflow;
}

let gateway: MockGateway;
let platform: MockPlatform;
beforeEach(async () => {
	gateway = await MockGateway.start();
	platform = await MockPlatform.start();
});
afterEach(async () => {
	await platform.close();
	await gateway.close();
});

test('a pool of 230 pending records drains to zero, each acknowledged exactly once', async () => {
	const ids = gateway.seedPending(230, { shopNo: SHOP }).map((r) => r.rec_id);
	const result = await runWorkflow({ workflow: loopWorkflow(SHOP, platform.url), credentials: mockCredentials(gateway) });
	expect(result.status).toBe('success');
	expect(gateway.pending(SHOP)).toEqual([]);
	expect([...gateway.ledger.map((e) => e.recId)].sort()).toEqual([...ids].sort());
	expect(new Set(gateway.ledger.map((e) => e.recId)).size).toBe(230);
	// Three rounds of 100, 100 and 30, then a fourth query that finds nothing and ends the loop.
	const queries = gateway.requests.filter((r) => r.api === 'logistics_sync_query');
	expect(queries).toHaveLength(4);
	expect(queries.every((q) => q.params.shop_no === SHOP && q.params.limit === '100')).toBe(true);
	// Platform refusals went back to the ERP as status 1 with the platform's reason.
	const refused = gateway.ledger.filter((e) => e.status === 1);
	expect(refused.length).toBeGreaterThan(0);
	expect(refused.every((e) => e.message.startsWith('推送平台失败: '))).toBe(true);
	expect(platform.received).toHaveLength(230);
});

test('records the ERP keeps refusing do not loop: the run ends, and they leave on Failed once', async () => {
	const ids = gateway.seedPending(150, { shopNo: SHOP }).map((r) => r.rec_id);
	const stuck = [ids[3], ids[120]];
	gateway.lockRecords(stuck);
	const result = await runWorkflow({ workflow: loopWorkflow(SHOP, platform.url), credentials: mockCredentials(gateway) });
	expect(result.status).toBe('success');
	expect(gateway.pending(SHOP).map((r) => r.rec_id)).toEqual(stuck);
	expect(gateway.ledger).toHaveLength(148);
	const notified = result.run.data.resultData.runData['REPLACE ME: notify about records the ERP refused'] ?? [];
	const failedIds = notified.flatMap((run) => run.data?.main[0] ?? []).map((item) => (item.json.wdtAck as IDataObject).recId);
	expect([...failedIds].sort()).toEqual([...stuck].sort());
	expect(platform.received).toHaveLength(150); // nobody was pushed twice
});

test('the split-shipment flag is sent only when switched on', async () => {
	gateway.seedPending(2, { shopNo: SHOP });
	const workflow = loopWorkflow(SHOP, platform.url);
	await runWorkflow({ workflow, credentials: mockCredentials(gateway) });
	expect(gateway.requests.filter((r) => r.api === 'logistics_sync_query').every((r) => !('is_part_sync_able' in r.params))).toBe(true);

	gateway.reset();
	gateway.seedPending(2, { shopNo: SHOP });
	const getPending = workflow.nodes.find((n) => n.name === 'Get pending records');
	if (getPending) getPending.parameters.options = { partSyncAble: true };
	await runWorkflow({ workflow, credentials: mockCredentials(gateway) });
	const flagged = gateway.requests.filter((r) => r.api === 'logistics_sync_query');
	expect(flagged.length).toBeGreaterThan(0);
	expect(flagged.every((r) => r.params.is_part_sync_able === '1')).toBe(true);
});
