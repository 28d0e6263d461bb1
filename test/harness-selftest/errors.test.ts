// Node-level error settings stored in workflow JSON (onError, retryOnFail, alwaysOutputData)
// are honoured because the real engine runs the workflow.
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { startLocalServer } from './localServer';
import type { LocalServer } from './localServer';
import { TEST_PREFIX, createTestRegistry, flaky } from './testTypes';
import { chain, code, node, trigger } from './workflows';

const API_KEY = 'key-5ecret-value';
const registry = createTestRegistry();
let server: LocalServer;
let credentials: { testHeaderApi: { baseUrl: string; apiKey: string } };

beforeAll(async () => {
	server = await startLocalServer({
		'/fail': () => ({ status: 503, body: { message: 'Service down' } }),
		// Fails for odd `n`, so one run yields both successes and failures.
		'/odd-fails': (request) =>
			JSON.parse(request.body).n % 2 === 1
				? { status: 500, body: { message: 'odd n rejected' } }
				: { status: 200, body: { ok: true } },
	});
	credentials = { testHeaderApi: { baseUrl: server.baseUrl, apiKey: API_KEY } };
});

afterAll(async () => {
	await server.close();
});

const twoItems = (): INode => code('Two items', 'return [{ n: 1 }, { n: 2 }];');
const send = (path: string, extra: Partial<INode> = {}): INode =>
	node(
		'Send',
		`${TEST_PREFIX}.testHttp`,
		{ path },
		{
			credentials: { testHeaderApi: { id: '1', name: 'Test account' } },
			...extra,
		},
	);
const after = (): INode => node('After', 'n8n-nodes-base.noOp');

describe('a node whose request fails with NodeApiError', () => {
	test("onError 'continueRegularOutput' yields error items and the workflow goes on", async () => {
		const result = await runWorkflow({
			workflow: chain(
				trigger(),
				twoItems(),
				send('/fail', { onError: 'continueRegularOutput' }),
				after(),
			),
			registry,
			credentials,
		});
		expect(result.status).toBe('success');
		const [items] = result.outputs('Send');
		expect(items).toHaveLength(2);
		for (const [index, item] of items.entries()) {
			expect(Object.keys(item.json)).toEqual(['error']);
			// n8n's NodeApiError turns a 503 into its standard 'Service unavailable' message.
			expect(String(item.json.error)).toMatch(/^Service unavailable/);
			expect(item.pairedItem).toEqual({ item: index });
		}
		expect(result.executedNodes).toContain('After');
		expect(result.outputs('After')[0].map((item) => item.json)).toEqual(
			items.map((item) => item.json),
		);
	});

	test('by default (stopWorkflow) the workflow stops and the error is available', async () => {
		const result = await runWorkflow({
			workflow: chain(trigger(), twoItems(), send('/fail'), after()),
			registry,
			credentials,
		});
		expect(result.status).toBe('error');
		expect(result.executedNodes).toEqual(['Manual Trigger', 'Two items', 'Send']);
		expect(result.error?.name).toBe('NodeApiError');
		const nodeError = result.nodeError('Send');
		expect(nodeError?.name).toBe('NodeApiError');
		expect(nodeError).toMatchObject({ httpCode: '503' });
		expect(nodeError?.message).toBe(result.error?.message);
		expect(result.outputs('Send')).toEqual([]);
		expect(result.logs.some((entry) => entry.message.includes('finished with error'))).toBe(true);
	});

	test("onError 'continueErrorOutput' routes failed items to the extra error output", async () => {
		const result = await runWorkflow({
			workflow: chain(
				trigger(),
				twoItems(),
				send('/odd-fails', { onError: 'continueErrorOutput' }),
			),
			registry,
			credentials,
		});
		expect(result.status).toBe('success');
		const [success, failed] = result.outputs('Send');
		expect(success.map((item) => item.json)).toEqual([{ response: { ok: true } }]);
		expect(success[0].pairedItem).toEqual({ item: 1 });
		expect(failed).toHaveLength(1);
		// n8n merges the paired input item into the error item on the error output.
		expect(failed[0].json).toEqual({
			n: 1,
			error: 'The service was not able to process your request',
		});
		expect(failed[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('retryOnFail', () => {
	beforeEach(() => {
		flaky.calls = 0;
		flaky.failures = 2;
	});

	const flakyNode = (maxTries: number): INode =>
		node(
			'Flaky',
			`${TEST_PREFIX}.testFlaky`,
			{},
			{ retryOnFail: true, maxTries, waitBetweenTries: 10 },
		);

	test('retries a failing node until it succeeds', async () => {
		const result = await runWorkflow({ workflow: chain(trigger(), flakyNode(3)), registry });
		expect(result.status).toBe('success');
		expect(flaky.calls).toBe(3);
		expect(result.outputs('Flaky')[0]).toHaveLength(1);
	});

	test('gives up after maxTries and fails the workflow', async () => {
		const result = await runWorkflow({ workflow: chain(trigger(), flakyNode(2)), registry });
		expect(result.status).toBe('error');
		expect(flaky.calls).toBe(2);
		expect(result.nodeError('Flaky')?.message).toBe('flaky failure 2');
	});
});

describe('alwaysOutputData', () => {
	const empty = (alwaysOutputData: boolean): INode =>
		node('Empty', `${TEST_PREFIX}.testEmpty`, {}, { alwaysOutputData });

	test('an empty output becomes one empty item and the next node runs', async () => {
		const result = await runWorkflow({
			workflow: chain(trigger(), empty(true), after()),
			registry,
		});
		expect(result.outputs('Empty')).toEqual([[{ json: {}, pairedItem: [{ item: 0, input: 0 }] }]]);
		expect(result.executedNodes).toEqual(['Manual Trigger', 'Empty', 'After']);
	});

	test('without it, the next node does not run', async () => {
		const result = await runWorkflow({
			workflow: chain(trigger(), empty(false), after()),
			registry,
		});
		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual(['Manual Trigger', 'Empty']);
	});
});

test('pinData on a node replaces its execution in manual mode', async () => {
	const workflow = chain(trigger(), send('/fail'), after());
	workflow.pinData = { Send: [{ json: { pinned: true } }] };
	const requestsBefore = server.requests.length;
	const result = await runWorkflow({ workflow, registry, credentials });
	expect(result.status).toBe('success');
	expect(server.requests).toHaveLength(requestsBefore);
	expect(result.outputs('After')[0].map((item) => item.json)).toEqual([{ pinned: true }]);
});

test('a workflow with parameter issues is rejected, naming the node and parameter', async () => {
	registry.addNodeType(`${TEST_PREFIX}.needsParameter`, {
		description: {
			displayName: 'Needs parameter',
			name: 'needsParameter',
			group: ['transform'],
			version: 1,
			description: 'Has a required parameter',
			defaults: { name: 'Needs parameter' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [
				{ displayName: 'Must', name: 'must', type: 'string', default: '', required: true },
			],
		},
	});
	const workflow = chain(trigger(), node('Needy', `${TEST_PREFIX}.needsParameter`));
	await expect(runWorkflow({ workflow, registry })).rejects.toThrow(
		/has issues.*Issues by node: \{"Needy":\{"parameters":\{"must":\[/,
	);
});
