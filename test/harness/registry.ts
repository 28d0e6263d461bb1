// The node and credential types handed to n8n's Workflow: this package's, loaded the way n8n loads
// a community package, plus one pass-through for the input side of test workflows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

/**
 * Hands its input on. As a workflow's first node, pinned, it feeds the node under test its items
 * (n8n applies pinData in manual runs); unpinned it passes on the one empty item the engine gives
 * a start node. n8n's own nodes (Code, HTTP Request, triggers) run only in the real-n8n e2e.
 */
export const PASS_THROUGH = 'harness.passThrough';

class PassThrough implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pass-through (test input)',
		name: 'passThrough',
		group: ['transform'],
		version: 1,
		description: 'Returns its input items',
		defaults: { name: 'Records' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class HarnessRegistry implements INodeTypes {
	private readonly nodeTypes = new Map<string, INodeType | IVersionedNodeType>();
	private readonly credentialTypes = new Map<string, ICredentialType>();

	addNodeType(name: string, type: INodeType | IVersionedNodeType): this {
		this.nodeTypes.set(name, type);
		return this;
	}

	addCredentialType(type: ICredentialType): this {
		this.credentialTypes.set(type.name, type);
		return this;
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.nodeTypes.get(name);
		if (type === undefined) throw new Error(`Unknown node type "${name}" (registered: ${[...this.nodeTypes.keys()].join(', ')})`);
		return type;
	}

	/** Picks the version of a versioned node exactly as n8n does. */
	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes(): Record<string, never> {
		return {};
	}

	credentialType(name: string): ICredentialType | undefined {
		return this.credentialTypes.get(name);
	}
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * This package's nodes (as `<package name>.<description.name>`) and credentials, from the files
 * package.json's `n8n` section lists, each the class named after its file. `from: 'source'` (the
 * default) requires the TypeScript behind each dist path, 'dist' the build.
 */
export function createRegistry(options: { from?: 'source' | 'dist' } = {}): HarnessRegistry {
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		name: string;
		n8n: { nodes: string[]; credentials: string[] };
	};
	const load = <T>(listed: string): T => {
		const file = options.from === 'dist' ? listed : listed.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known at run time, as n8n's loader does
		const exported = require(path.join(ROOT, file)) as Record<string, new () => T>;
		return new exported[path.basename(file).split('.')[0]]();
	};
	const registry = new HarnessRegistry().addNodeType(PASS_THROUGH, new PassThrough());
	for (const listed of manifest.n8n.credentials) registry.addCredentialType(load<ICredentialType>(listed));
	for (const listed of manifest.n8n.nodes) {
		const type = load<INodeType | IVersionedNodeType>(listed);
		registry.addNodeType(`${manifest.name}.${type.description.name}`, type);
	}
	return registry;
}

let defaultRegistry: HarnessRegistry | undefined;

/** The source-loaded registry runs use when given none (built on first use). */
export function getDefaultRegistry(): HarnessRegistry {
	defaultRegistry ??= createRegistry();
	return defaultRegistry;
}
