// The CredentialsHelper n8n-core calls while nodes fetch credentials and make authenticated
// requests. It serves the test's credential data instead of decrypting stored credentials, and
// authenticates requests the way n8n's CLI CredentialsHelper does:
// - `authenticate` as a function: called with (credentials, requestOptions);
// - `authenticate` as `{ type: 'generic', properties: { headers, qs, body, auth } }`: each
//   key and value is resolved as an n8n expression with `$credentials` (`={{$credentials.token}}`)
//   and set on the request.
// Credential data gets the type's property defaults, via n8n's own NodeHelpers.getNodeParameters,
// as the CLI does. Not emulated: credential overwrites, `$secrets`/expressions inside stored
// credential data, preAuthentication (returns undefined), OAuth token persistence (no-ops).
import { ICredentialsHelper, NodeHelpers, deepCopy } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import type { CredentialTypeRegistry } from './credentialTypes';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: CredentialTypeRegistry,
		private readonly credentials: CredentialsByType = {},
	) {
		super();
	}

	/** The test's data for `type`, with the type's defaults applied; a fresh copy every call. */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) {
			const given = Object.keys(this.credentials).join(', ') || 'none';
			throw new Error(`No test credentials given for type "${type}" (given: ${given})`);
		}
		return this.applyDefaults(type, data);
	}

	applyDefaults(
		type: string,
		data: ICredentialDataDecryptedObject,
	): ICredentialDataDecryptedObject {
		const copy = deepCopy(data);
		if (!this.credentialTypes.recognizes(type)) return copy;
		// Like n8n, this keeps only the type's declared properties, filling in their defaults.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			copy as INodeParameters,
			true,
			false,
			null,
			null,
		);
		return (withDefaults ?? copy) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		// Both option shapes carry the same request fields n8n-core sends on; it types them apart.
		const options = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate === undefined || authenticate.type !== 'generic') return options;

		const resolve = <T>(value: T): T | string => {
			if (typeof value !== 'string' || !value.startsWith('=')) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved === undefined || resolved === '' ? '' : String(resolved);
		};
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			if (!isObject(entries)) continue;
			const current: unknown = Reflect.get(options, section);
			const target: IDataObject = isObject(current) ? { ...current } : {};
			for (const [key, value] of Object.entries(entries))
				target[String(resolve(key))] = resolve(value);
			Reflect.set(options, section, target);
		}
		return options;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.recognizes(type) ? this.credentialTypes.getProperties(type) : [];
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	// n8n-core never calls this during a run (only the CLI's OAuth flows do).
	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not supported by the test harness');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
