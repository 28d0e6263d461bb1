// Emulates what n8n's CLI (CredentialsTester.testCredentials, n8n 1.x) does when a user clicks
// "Test" on a credential whose type has a declarative `test: ICredentialTestRequest`:
// build a throw-away node type whose only property routes `test.request`, run it once through
// n8n-core's real RoutingNode (so the credential's `authenticate` applies through our
// CredentialsHelper, and `={{$credentials.x}}` expressions resolve), then judge the outcome:
// - request threw and `error.cause.response` exists: a matching `responseCode` rule gives its
//   message; otherwise a non-2xx status gives the status text (or "Received HTTP status code: N");
// - request threw and `error.cause.code` exists (ECONNREFUSED...): that code;
// - request threw otherwise: the error message;
// QUIRK (n8n-workflow 1.120, so real n8n too): n8n-core wraps request failures in NodeApiError,
// whose `cause` class field resets the native cause to undefined. So the first two branches
// never fire for HTTP/network failures and the result is NodeApiError's message, e.g.
// "Authorization failed - please check your credentials" for 401 — responseCode rules are
// effectively dead. We keep the CLI's logic as is, so results match what n8n shows users.
// - success: the first `responseSuccessBody` rule whose `key` in the first response item equals
//   `value` gives an Error with its message; else OK / 'Connection successful!'.
// Not emulated: tests defined by a node's `testedBy`, function tests, OAuth shortcuts, secret
// redaction of messages.
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { NodeConnectionTypes, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { withLogSink } from './logCapture';
import type { CapturedLog } from './logCapture';
import { getDefaultRegistry } from './nodeTypes';
import type { HarnessRegistry } from './nodeTypes';
import { ensureN8nServices } from './services';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

const TEMP_NODE_TYPE = 'harness.credentialTest';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// lodash.get-style lookup of a dotted path, as the CLI uses for responseSuccessBody keys.
function getPath(source: unknown, dottedPath: string): unknown {
	return dottedPath
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				isObject(value) || Array.isArray(value) ? Reflect.get(value, key) : undefined,
			source,
		);
}

// The temporary node type. The CLI copies noOp's description and swaps in the credential and
// one property whose routing carries the test request; only those two parts matter to RoutingNode.
function createTestNodeType(credentialType: string, test: ICredentialTestRequest): INodeType {
	return {
		description: {
			displayName: 'Credential test',
			name: TEMP_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Temp-Node' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
}

/** The CLI's verdict for a thrown test request; exported for the self-tests. */
export function judgeError(error: unknown, test: ICredentialTestRequest): CredentialTestResult {
	const cause: unknown = isObject(error) ? error.cause : undefined;
	const response: unknown = isObject(cause) ? cause.response : undefined;
	if (isObject(response) && typeof response.status === 'number') {
		const statusCode = response.status;
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (statusCode < 199 || statusCode > 299) {
			const statusText = typeof response.statusText === 'string' ? response.statusText : '';
			return { status: 'Error', message: statusText || `Received HTTP status code: ${statusCode}` };
		}
	} else if (isObject(cause) && typeof cause.code === 'string' && cause.code !== '') {
		return { status: 'Error', message: cause.code };
	}
	return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
}

function judgeResponse(
	response: INodeExecutionData[][] | undefined,
	test: ICredentialTestRequest,
): CredentialTestResult {
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json;
		if (getPath(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export async function testCredentials(
	credentialTypeName: string,
	data: ICredentialDataDecryptedObject,
	registry: HarnessRegistry = getDefaultRegistry(),
	logs: CapturedLog[] = [],
): Promise<CredentialTestResult> {
	ensureN8nServices();
	const { test } = registry.credentialTypes.getByName(credentialTypeName);
	if (test === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const nodeType = createTestNodeType(credentialTypeName, test);
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const credentialsDecrypted = {
		id: 'harness-credential',
		name: 'Harness credential',
		type: credentialTypeName,
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEMP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: {
			[credentialTypeName]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper(registry.credentialTypes, {
		[credentialTypeName]: data,
	});
	// Like the CLI, fill in the type's defaults before testing.
	const decrypted = credentialsHelper.applyDefaults(credentialTypeName, data);
	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: 'harness-credential-test',
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		...credentialsDecrypted,
		data: decrypted,
	});

	return await withLogSink(logs, async () => {
		let response: INodeExecutionData[][] | undefined;
		try {
			response = await routingNode.runNode();
		} catch (error) {
			return judgeError(error, test);
		}
		return judgeResponse(response, test);
	});
}
