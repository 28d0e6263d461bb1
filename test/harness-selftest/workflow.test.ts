// manualTrigger -> code (3 items) -> test HTTP node against a local server, through n8n's engine.
import { runWorkflow } from '../harness';
import type { RunResult, WorkflowJson } from '../harness';
import { startLocalServer } from './localServer';
import type { LocalServer } from './localServer';
import { TEST_PREFIX, createTestRegistry } from './testTypes';

const API_KEY = 'key-5ecret-value';

let server: LocalServer;
let result: RunResult;

// Written the way n8n exports a workflow, to show the harness takes such JSON as-is.
const workflow: WorkflowJson = {
	nodes: [
		{
			parameters: {},
			id: '8c1a0c6e-0001-4000-8000-000000000001',
			name: "When clicking 'Execute workflow'",
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
		},
		{
			parameters: {
				jsCode: 'return [1, 2, 3].map((n) => ({ json: { n, from: $input.all().length } }));',
			},
			id: '8c1a0c6e-0002-4000-8000-000000000002',
			name: 'Make three items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
		},
		{
			parameters: { path: '/echo' },
			id: '8c1a0c6e-0003-4000-8000-000000000003',
			name: 'Send',
			type: `${TEST_PREFIX}.testHttp`,
			typeVersion: 1,
			position: [440, 0],
			credentials: { testHeaderApi: { id: '1', name: 'Test Header API account' } },
		},
	],
	connections: {
		"When clicking 'Execute workflow'": {
			main: [[{ node: 'Make three items', type: 'main', index: 0 }]],
		},
		'Make three items': { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

beforeAll(async () => {
	server = await startLocalServer({
		'/echo': (request) => ({ status: 200, body: { echoed: JSON.parse(request.body) } }),
	});
	result = await runWorkflow({
		workflow,
		registry: createTestRegistry(),
		credentials: { testHeaderApi: { baseUrl: server.baseUrl, apiKey: API_KEY } },
	});
});

afterAll(async () => {
	await server.close();
});

test('the run succeeds and every node runs once, in order', () => {
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(result.executedNodes).toEqual([
		"When clicking 'Execute workflow'",
		'Make three items',
		'Send',
	]);
});

test("the credential type's authenticate function added its header to every request", () => {
	expect(server.requests).toHaveLength(3);
	for (const request of server.requests) {
		expect(request.method).toBe('POST');
		expect(request.headers['x-api-key']).toBe(API_KEY);
	}
	expect(server.requests.map((request) => JSON.parse(request.body))).toEqual([
		{ n: 1, from: 1 },
		{ n: 2, from: 1 },
		{ n: 3, from: 1 },
	]);
});

test('outputs() returns the node outputs by index', () => {
	const outputs = result.outputs('Send');
	expect(outputs).toHaveLength(1);
	expect(outputs[0].map((item) => item.json)).toEqual([
		{ response: { echoed: { n: 1, from: 1 } } },
		{ response: { echoed: { n: 2, from: 1 } } },
		{ response: { echoed: { n: 3, from: 1 } } },
	]);
	expect(result.outputs('Make three items')[0]).toHaveLength(3);
});

test('pairedItem is kept on every item of every node', () => {
	expect(result.outputs("When clicking 'Execute workflow'")[0][0].pairedItem).toEqual({ item: 0 });
	// Code stand-in: one input item, three outputs -> all paired to input item 0.
	expect(result.outputs('Make three items')[0].map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 0 },
		{ item: 0 },
	]);
	expect(result.outputs('Send')[0].map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
});

test("logs from the engine and from the node's this.logger are captured", () => {
	const messages = result.logs.map((entry) => entry.message);
	expect(messages).toContain('Workflow execution started');
	expect(messages).toContain('Running node "Send" started');
	expect(result.logs).toContainEqual({
		level: 'info',
		message: 'testHttp sending 3 item(s)',
		meta: expect.objectContaining({ node: 'Send' }),
	});
});

test('captured logs can be scanned for secrets (none leak in a successful run)', () => {
	expect(JSON.stringify(result.logs)).not.toContain(API_KEY);
});

test("the caller's workflow JSON is not modified by the run", () => {
	expect(workflow.nodes[0].parameters).toEqual({});
	expect(workflow.nodes[1].parameters).not.toHaveProperty('mode');
});
