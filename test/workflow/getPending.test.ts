/**
 * Logistics Sync → Get Pending through n8n's engine against the mock gateway.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { MockGateway } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE } from './ackWorkflow';

let gateway: MockGateway;
afterEach(async () => await gateway.close());

function getPendingWorkflow(parameters: IDataObject, inputs: IDataObject[] = [{}], onError?: 'continueRegularOutput') {
	return ackWorkflow(inputs, { parameters: { operation: 'getPending', ...parameters }, onError });
}

test('one item per pending record, fields as the ERP sent them, rec_id as a string, one output', async () => {
	gateway = await MockGateway.start();
	const seeded = gateway.seedPending(3, { shopNo: 'mall01' });
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'mall01', maxRecords: 2 }), credentials: mockCredentials(gateway) });
	expect(result.status).toBe('success');
	const outputs = result.outputs(NODE);
	expect(outputs).toHaveLength(1);
	expect(outputs[0].map((item) => item.json)).toEqual(seeded.slice(0, 2).map((record) => ({ ...record })));
	expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	expect(gateway.requests[0].params).toMatchObject({ shop_no: 'mall01', limit: '2' });
	expect('is_part_sync_able' in gateway.requests[0].params).toBe(false);
});

test('the split-shipment option sends is_part_sync_able=1', async () => {
	gateway = await MockGateway.start();
	gateway.seedPending(2, { shopNo: 'mall01' });
	await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'mall01', options: { partSyncAble: true } }), credentials: mockCredentials(gateway) });
	expect(gateway.requests[0].params.is_part_sync_able).toBe('1');
});

test('Max Records defaults to 100 per call (the ERP’s maximum) when the workflow does not set it', async () => {
	gateway = await MockGateway.start();
	gateway.seedPending(120, { shopNo: 'mall01' });
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'mall01' }), credentials: mockCredentials(gateway) });
	expect(result.outputs(NODE)[0]).toHaveLength(100);
	expect(gateway.requests[0].params.limit).toBe('100');
});

test('rec_ids the gateway sends as bare numbers, even beyond 2^53, arrive as exact strings', async () => {
	gateway = await MockGateway.start({ recIdAsNumber: true });
	gateway.seedPending(1, { shopNo: 'mall01', firstRecId: 98765432109876543210n });
	gateway.seedPending(1, { shopNo: 'mall01', firstRecId: 42 });
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'mall01' }), credentials: mockCredentials(gateway) });
	expect(result.outputs(NODE)[0].map((item) => item.json.rec_id)).toEqual(['42', '98765432109876543210']);
});

test('an unknown shop stops the node with the ERP code, its text and the shop named', async () => {
	gateway = await MockGateway.start();
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'nope' }), credentials: mockCredentials(gateway) });
	expect(result.status).toBe('error');
	expect(result.nodeError(NODE)?.message).toBe(
		'Get Pending failed for shop "nope": ERP error 1007 (店铺不存在): The ERP has no shop with this code: check Shop Code (店铺编号) against the ERP’s shop list.',
	);
});

test('a wrong secret with On Error = continue gives an error item paired to its input', async () => {
	gateway = await MockGateway.start();
	gateway.addShop('mall01');
	const result = await runWorkflow({
		workflow: getPendingWorkflow({ shopNo: 'mall01' }, [{}], 'continueRegularOutput'),
		credentials: mockCredentials(gateway, { appSecret: 'wrong' }),
	});
	const [items] = result.outputs(NODE);
	expect(items).toEqual([
		{ json: { error: expect.stringMatching(/ERP error 100 \(签名错误\): .*App Secret/), code: '100' }, pairedItem: { item: 0 } },
	]);
});

test('an empty shop code is refused before any call', async () => {
	gateway = await MockGateway.start();
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: '  ' }), credentials: mockCredentials(gateway) });
	expect(result.nodeError(NODE)?.message).toMatch(/^Shop Code is empty/);
	expect(gateway.requests).toEqual([]);
});

test('two input items for the same shop do not return the same records twice', async () => {
	gateway = await MockGateway.start();
	gateway.seedPending(3, { shopNo: 'mall01' });
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'mall01' }, [{}, {}]), credentials: mockCredentials(gateway) });
	expect(result.outputs(NODE)[0]).toHaveLength(3);
	expect(gateway.requests).toHaveLength(2);
});

// Get Pending retries like every call through the transport: a query changes nothing at the
// gateway, so a transient failure on it is always safe to send again.
test.each([
	['a 502 from a proxy', { kind: 'http', status: 502 }],
	['a connection reset', { kind: 'reset', when: 'before' }],
] as const)('%s on the first query is retried, and the records still arrive', async (_, fault) => {
	gateway = await MockGateway.start();
	const seeded = gateway.seedPending(3, { shopNo: 'mall01' });
	gateway.setFaultPlan(({ number }) => (number === 1 ? fault : undefined));
	const result = await runWorkflow({ workflow: getPendingWorkflow({ shopNo: 'mall01' }), credentials: mockCredentials(gateway) });
	expect(result.status).toBe('success');
	expect(result.outputs(NODE)[0].map((item) => item.json.rec_id)).toEqual(seeded.map((record) => record.rec_id));
	expect(gateway.requests.filter((request) => request.api === 'logistics_sync_query')).toHaveLength(2);
});
