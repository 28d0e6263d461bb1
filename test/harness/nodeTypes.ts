// The INodeTypes registry handed to n8n's Workflow, plus the credential types next to it.
// Package nodes are registered as `<package name>.<description.name>`, as n8n does for community
// packages; n8n-nodes-base stand-ins fill in for the built-in nodes our example workflows use.
// Tests may add more node and credential types (e.g. before the package's own ones exist).
import { NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { CredentialTypeRegistry } from './credentialTypes';
import { DEFAULT_PACKAGE_ROOT, loadPackage } from './packageLoader';
import type { PackageSource } from './packageLoader';
import { createStandIns } from './standins';

export interface RegistryOptions {
	/** 'source' (default) requires the .ts files behind package.json's dist paths; 'dist' the build. */
	from?: PackageSource;
	/** Folder holding package.json; defaults to this repository. */
	packageRoot?: string;
	/** Register the package's own nodes and credentials (default true). */
	includePackage?: boolean;
	/** Register the n8n-nodes-base stand-ins (default true). */
	standIns?: boolean;
}

interface Entry {
	type: INodeType | IVersionedNodeType;
	sourcePath: string;
	className: string;
}

export class HarnessRegistry implements INodeTypes {
	readonly credentialTypes = new CredentialTypeRegistry((name) => this.nodesUsingCredential(name));

	private readonly entries = new Map<string, Entry>();

	/** Name under which the package's nodes are registered ('n8n-nodes-wangdiantong'). */
	packageName = '';

	addNodeType(typeName: string, type: INodeType | IVersionedNodeType, sourcePath = ''): this {
		this.entries.set(typeName, { type, sourcePath, className: type.constructor.name });
		return this;
	}

	addCredentialType(type: ICredentialType): this {
		this.credentialTypes.add(type);
		return this;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.entry(nodeType).type;
	}

	/** Picks the version for versioned nodes exactly as n8n does (NodeHelpers.getVersionedNodeType). */
	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.entry(nodeType).type, version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const [name, { className, sourcePath }] of this.entries)
			known[name] = { className, sourcePath };
		return known;
	}

	typeNames(): string[] {
		return [...this.entries.keys()];
	}

	private entry(nodeType: string): Entry {
		const entry = this.entries.get(nodeType);
		if (entry === undefined) {
			throw new Error(
				`Unknown node type "${nodeType}" (registered: ${this.typeNames().join(', ')})`,
			);
		}
		return entry;
	}

	// What n8n derives as a credential's "supported nodes": node types whose description lists it.
	private nodesUsingCredential(credentialType: string): string[] {
		return [...this.entries]
			.filter(([, { type }]) => {
				const descriptions =
					'nodeVersions' in type
						? Object.values(type.nodeVersions).map((version) => version.description)
						: [type.description];
				return descriptions.some((description) =>
					(description.credentials ?? []).some((credential) => credential.name === credentialType),
				);
			})
			.map(([name]) => name);
	}
}

/** A registry with this package's nodes/credentials (possibly none yet) and the stand-ins. */
export function createRegistry(options: RegistryOptions = {}): HarnessRegistry {
	const registry = new HarnessRegistry();
	if (options.includePackage ?? true) {
		const loaded = loadPackage(
			options.packageRoot ?? DEFAULT_PACKAGE_ROOT,
			options.from ?? 'source',
		);
		registry.packageName = loaded.packageName;
		for (const credential of loaded.credentials) registry.addCredentialType(credential);
		for (const { instance, sourcePath } of loaded.nodes) {
			const typeName = `${loaded.packageName}.${instance.description.name}`;
			registry.addNodeType(typeName, instance, sourcePath);
		}
	}
	if (options.standIns ?? true) {
		for (const [typeName, type] of Object.entries(createStandIns()))
			registry.addNodeType(typeName, type);
	}
	return registry;
}

let defaultRegistry: HarnessRegistry | undefined;

/** Shared source-loaded registry used when a caller passes none (built on first use). */
export function getDefaultRegistry(): HarnessRegistry {
	defaultRegistry ??= createRegistry();
	return defaultRegistry;
}
