// Test-only node and credential types used to exercise the harness before the package's own
// node exists. They follow the conventions of real n8n nodes (per-item loop, continueOnFail
// error items with pairedItem, errors from n8n-core's request helpers).
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { createRegistry } from '../harness';
import type { HarnessRegistry } from '../harness';

export const TEST_PREFIX = 'harness-test';

/** Function-style authenticate: adds an API key header. */
export class TestHeaderApi implements ICredentialType {
	name = 'testHeaderApi';
	displayName = 'Test Header API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Region', name: 'region', type: 'string', default: 'cn-east' },
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, 'x-api-key': String(credentials.apiKey) },
		};
	}

	test: ICredentialType['test'] = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/whoami', method: 'GET' },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'result.ok', value: false, message: 'API key rejected' },
			},
		],
	};
}

/** Generic (declarative) authenticate: header and query parameter from expressions. */
export class TestGenericApi implements ICredentialType {
	name = 'testGenericApi';
	displayName = 'Test Generic API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];

	authenticate: ICredentialType['authenticate'] = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.token}}' },
			qs: { tenant: 'acme' },
		},
	};

	test: ICredentialType['test'] = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/tenant', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'This token may not call the API' },
			},
		],
	};
}

function description(
	name: string,
	extra: Partial<INodeTypeDescription> = {},
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: `Test-only node ${name}`,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
		...extra,
	};
}

/** POSTs each item to `<baseUrl><path>` with httpRequestWithAuthentication. */
export class TestHttpNode implements INodeType {
	description = description('testHttp', {
		credentials: [
			{ name: 'testHeaderApi', required: true, displayOptions: { show: { auth: ['header'] } } },
			{ name: 'testGenericApi', required: true, displayOptions: { show: { auth: ['generic'] } } },
		],
		properties: [
			{
				displayName: 'Auth',
				name: 'auth',
				type: 'options',
				options: [
					{ name: 'Header', value: 'header' },
					{ name: 'Generic', value: 'generic' },
				],
				default: 'header',
			},
			{ displayName: 'Path', name: 'path', type: 'string', default: '/echo' },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const auth =
			this.getNodeParameter('auth', 0) === 'generic' ? 'testGenericApi' : 'testHeaderApi';
		const { baseUrl } = await this.getCredentials(auth);
		this.logger.info(`testHttp sending ${items.length} item(s)`, { node: this.getNode().name });
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const path = String(this.getNodeParameter('path', itemIndex));
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, auth, {
					method: 'POST',
					url: `${String(baseUrl)}${path}`,
					body: items[itemIndex].json,
					json: true,
				})) as IDataObject;
				output.push({ json: { response }, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (this.continueOnFail()) {
					const message = error instanceof Error ? error.message : String(error);
					output.push({ json: { error: message }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw error;
			}
		}
		return [output];
	}
}

/** Routes items with an even `n` to output 0 ("Even"), odd to output 1 ("Odd"). */
export class TestSplitNode implements INodeType {
	description = description('testSplit', {
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Even', 'Odd'],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const even: INodeExecutionData[] = [];
		const odd: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			(Number(item.json.n) % 2 === 0 ? even : odd).push({
				json: item.json,
				pairedItem: { item: index },
			});
		}
		return [even, odd];
	}
}

/** Waits, checking the execution's cancel signal every 10 ms (gives up after 10 s). */
export class TestSlowNode implements INodeType {
	description = description('testSlow');

	static sawAbort = false;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const startedAt = Date.now();
		while (!this.getExecutionCancelSignal()?.aborted) {
			if (Date.now() - startedAt > 10_000)
				throw new NodeOperationError(this.getNode(), 'never cancelled');
			await sleep(10);
		}
		TestSlowNode.sawAbort = true;
		return [this.getInputData()];
	}
}

/** Shared call counter of the flaky node; tests reset it. */
export const flaky = { calls: 0, failures: 2 };

/** Fails its first `flaky.failures` executions, then passes items through. */
export class TestFlakyNode implements INodeType {
	description = description('testFlaky');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		flaky.calls++;
		if (flaky.calls <= flaky.failures) {
			throw new NodeOperationError(this.getNode(), `flaky failure ${flaky.calls}`);
		}
		return [this.getInputData()];
	}
}

/** Returns no items at all. */
export class TestEmptyNode implements INodeType {
	description = description('testEmpty');

	async execute(): Promise<INodeExecutionData[][]> {
		return [[]];
	}
}

/**
 * Stand-ins plus the test-only types above, under `harness-test.<name>`. The package's own
 * nodes are left out so these self-tests do not depend on them (registry.test.ts loads them).
 */
export function createTestRegistry(): HarnessRegistry {
	return createRegistry({ includePackage: false })
		.addCredentialType(new TestHeaderApi())
		.addCredentialType(new TestGenericApi())
		.addNodeType(`${TEST_PREFIX}.testHttp`, new TestHttpNode())
		.addNodeType(`${TEST_PREFIX}.testSplit`, new TestSplitNode())
		.addNodeType(`${TEST_PREFIX}.testSlow`, new TestSlowNode())
		.addNodeType(`${TEST_PREFIX}.testFlaky`, new TestFlakyNode())
		.addNodeType(`${TEST_PREFIX}.testEmpty`, new TestEmptyNode());
}
