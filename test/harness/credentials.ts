// Credentials as n8n-core asks for them during a run, and the credential's Test button.
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { ICredentialsHelper, NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeProperties,
	INodeType,
	IRequestOptionsSimplified,
} from 'n8n-workflow';

import { captureLogs, createAdditionalData, ensureN8nServices, type CapturedLog } from './n8nServices';
import { getDefaultRegistry, type HarnessRegistry } from './registry';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/**
 * Serves the test's credential data instead of decrypting stored credentials, and signs requests
 * with the type's `authenticate` function, as n8n's CLI CredentialsHelper does. Not served:
 * generic (declarative) authenticate, `extends`, overwrites, OAuth.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly registry: HarnessRegistry,
		private readonly credentials: CredentialsByType = {},
	) {
		super();
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) throw new Error(`No test credentials given for type "${type}"`);
		return this.withDefaults(type, data);
	}

	/** As n8n does: only the type's declared properties, their defaults filled in; a fresh copy. */
	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		return NodeHelpers.getNodeParameters(properties, deepCopy(data) as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		type: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.registry.credentialType(type)?.authenticate;
		if (authenticate === undefined) return requestOptions as IHttpRequestOptions;
		if (typeof authenticate !== 'function') throw new Error(`The test harness runs only authenticate functions (${type})`);
		return await authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.registry.credentialType(type)?.properties ?? [];
	}

	getParentTypes(): string[] {
		return [];
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not supported by the test harness'); // only OAuth flows call it
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The Test button for a declarative `test`, as n8n's CLI (CredentialsTester) runs it: a throw-away
 * node type whose one property routes `test.request`, run by n8n-core's own RoutingNode with the
 * credential's defaults and `authenticate` applied. A failed request gives its message: n8n-core
 * wraps it in NodeApiError, whose `cause` field drops the response, so the CLI's `responseCode`
 * rules and status texts never apply (as in n8n). An answer gives the first `responseSuccessBody`
 * rule whose key holds its value, else OK.
 */
export async function testCredentials(
	type: string,
	data: ICredentialDataDecryptedObject,
	registry: HarnessRegistry = getDefaultRegistry(),
	logs: CapturedLog[] = [],
): Promise<CredentialTestResult> {
	ensureN8nServices();
	const test = registry.credentialType(type)?.test;
	if (test === undefined) throw new Error(`Credential type "${type}" has no declarative test`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
	const credential = { id: 'harness-credential', name: 'Harness credential' };
	const node: INode = { id: 'temp', name: 'Temp-Node', type: 'credentialTest', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { [type]: credential } };
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const helper = new HarnessCredentialsHelper(registry, { [type]: data });
	const additionalData = createAdditionalData(helper, 'harness-credential-test');
	const input = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], input, { node, data: {}, source: null }, []);
	const routingNode = new RoutingNode(context, nodeType, { ...credential, type, data: helper.withDefaults(type, data) });

	return await captureLogs(logs, async (): Promise<CredentialTestResult> => {
		let body: unknown;
		try {
			body = (await routingNode.runNode())?.[0]?.[0]?.json;
		} catch (error) {
			return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
		}
		for (const rule of test.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const value = rule.properties.key.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? Reflect.get(at, key) : undefined), body);
			if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK', message: 'Connection successful!' };
	});
}
