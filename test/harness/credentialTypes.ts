// ICredentialTypes over the credential types the harness knows (the package's plus test-only ones).
// n8n-core itself only asks the CredentialsHelper; this registry is what our helper and the
// credential tester look types up in, the way n8n's CLI CredentialTypes service is used.
import type { ICredentialType, ICredentialTypes, INodeProperties } from 'n8n-workflow';

export class CredentialTypeRegistry implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	/** @param supportedNodes node types whose description lists the credential (from the node registry) */
	constructor(private readonly supportedNodes: (credentialType: string) => string[] = () => []) {}

	add(type: ICredentialType): void {
		this.types.set(type.name, type);
	}

	recognizes(credentialType: string): boolean {
		return this.types.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const type = this.types.get(credentialType);
		if (type === undefined) {
			const known = [...this.types.keys()].join(', ') || 'none';
			throw new Error(`Unknown credential type "${credentialType}" (registered: ${known})`);
		}
		return type;
	}

	getSupportedNodes(credentialType: string): string[] {
		return this.supportedNodes(credentialType);
	}

	/** All ancestors through `extends`, nearest first, as n8n's CredentialTypes does. */
	getParentTypes(typeName: string): string[] {
		const parents: string[] = [];
		const queue = [...(this.types.get(typeName)?.extends ?? [])];
		while (queue.length > 0) {
			const parent = queue.shift();
			if (parent === undefined || parents.includes(parent)) continue;
			parents.push(parent);
			queue.push(...(this.types.get(parent)?.extends ?? []));
		}
		return parents;
	}

	/** Own properties plus inherited ones (own win on name clashes). */
	getProperties(typeName: string): INodeProperties[] {
		const own = this.getByName(typeName).properties;
		const names = new Set(own.map((property) => property.name));
		const inherited = this.getParentTypes(typeName)
			.filter((parent) => this.types.has(parent))
			.flatMap((parent) => this.getByName(parent).properties)
			.filter((property) => !names.has(property.name));
		return [...inherited, ...own];
	}

	names(): string[] {
		return [...this.types.keys()];
	}
}
