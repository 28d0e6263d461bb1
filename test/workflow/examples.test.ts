/**
 * The example workflows users import run as shipped, through n8n's engine, against the mock.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { runWorkflow, type WorkflowJson } from '../harness';
import { MockGateway } from '../mock/gateway';
import { mockCredentials } from './ackWorkflow';

const example = (name: string) =>
	JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'examples', name), 'utf8')) as WorkflowJson;

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

test('examples/acknowledge.workflow.json: 6 acknowledged, an unknown and an invalid record on Failed', async () => {
	gateway.seedPending(6);
	const result = await runWorkflow({ workflow: example('acknowledge.workflow.json'), credentials: mockCredentials(gateway) });
	expect(result.status).toBe('success');
	const [acknowledged, failed] = result.outputs('Acknowledge to ERP');
	expect(acknowledged.map((item) => item.json.rec_id)).toEqual(['100001', '100002', '100003', '100004', '100005', '100006']);
	expect(failed.map((item) => [item.json.rec_id, (item.json.wdtAck as { reason: string }).reason])).toEqual([
		['999999', 'rejected'],
		['TRK-7', 'invalid'],
	]);
	// The branches after the node received exactly its two outputs.
	expect(result.outputs('Acknowledged')[0]).toHaveLength(6);
	expect(result.outputs('Failed: alert or retry')[0]).toHaveLength(2);
	expect(gateway.pending()).toEqual([]);
});
