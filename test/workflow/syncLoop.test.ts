/**
 * Get Pending → Acknowledge looping in one execution of n8n's engine, against the mock gateway:
 * the node's side of the sync loop. Get Pending never returns a record twice in one execution,
 * so records the ERP keeps refusing cannot loop. The shipped example, with n8n's own Code and
 * HTTP Request nodes in the loop, runs in the real-n8n e2e (scripts/e2e/loopCheck.ts, stuckLoop.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { MockGateway } from '../mock/gateway';
import { ACKNOWLEDGE, GET_PENDING, mockCredentials, syncLoopWorkflow } from './ackWorkflow';

const SHOP = 'loop-shop';

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

async function loop() {
	const result = await runWorkflow({ workflow: syncLoopWorkflow(SHOP), credentials: mockCredentials(gateway) });
	const runs = (node: string) => result.run.data.resultData.runData[node] ?? [];
	const items = (node: string, output: number) => runs(node).flatMap((run) => run.data?.main[output] ?? []);
	return { result, rounds: runs(GET_PENDING).length, returned: items(GET_PENDING, 0), failed: items(ACKNOWLEDGE, 1) };
}

test('a pool of 230 pending records drains in rounds of 100, 100 and 30, each acknowledged exactly once', async () => {
	const ids = gateway.seedPending(230, { shopNo: SHOP }).map((r) => r.rec_id);
	const { result, rounds, returned, failed } = await loop();
	expect(result.status).toBe('success');
	expect(gateway.pending(SHOP)).toEqual([]);
	expect(gateway.ledger.map((e) => e.recId)).toEqual(ids);
	expect(gateway.ledger.every((e) => e.status === 0 && e.message === '已同步到平台')).toBe(true);
	// A fourth query finds nothing and ends the loop.
	expect(rounds).toBe(4);
	expect(returned).toHaveLength(230);
	expect(failed).toEqual([]);
	const queries = gateway.requests.filter((r) => r.api === 'logistics_sync_query');
	expect(queries.map((q) => [q.params.shop_no, q.params.limit])).toEqual(Array(4).fill([SHOP, '100']));
});

test('records the ERP keeps refusing do not loop: the run ends, and they leave on Failed once', async () => {
	const ids = gateway.seedPending(150, { shopNo: SHOP }).map((r) => r.rec_id);
	const stuck = [ids[3], ids[120]];
	gateway.lockRecords(stuck);
	const { result, returned, failed } = await loop();
	expect(result.status).toBe('success');
	expect(gateway.pending(SHOP).map((r) => r.rec_id)).toEqual(stuck);
	expect(gateway.ledger).toHaveLength(148);
	expect(returned).toHaveLength(150); // none returned twice
	expect(failed.map((item) => (item.json.wdtAck as IDataObject).recId)).toEqual(stuck);
});
