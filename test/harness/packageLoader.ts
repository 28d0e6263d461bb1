// Loads this package's nodes and credentials the way n8n loads a community package: from the
// files listed in package.json `n8n.nodes` / `n8n.credentials`, instantiating the class named
// after the file (`Foo.node.js` -> class `Foo`). By default we require the TypeScript SOURCE
// behind each dist path (`dist/nodes/X/X.node.js` -> `nodes/X/X.node.ts`), which works under
// ts-jest and ts-node; `from: 'dist'` requires the compiled files instead (benchmarks of the build).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

export type PackageSource = 'source' | 'dist';

export interface LoadedPackage {
	packageName: string;
	nodes: Array<{ instance: INodeType | IVersionedNodeType; sourcePath: string; className: string }>;
	credentials: ICredentialType[];
}

export const DEFAULT_PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, what: string): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
		throw new Error(`package.json ${what} must be an array of paths`);
	}
	return value;
}

/** `dist/nodes/X/X.node.js` -> `<root>/nodes/X/X.node.ts` (source) or `<root>/dist/...js` (dist). */
export function resolveEntry(root: string, listedPath: string, from: PackageSource): string {
	if (from === 'dist') return path.join(root, listedPath);
	const withoutDist = listedPath.replace(/^(\.\/)?dist\//, '');
	return path.join(root, withoutDist.replace(/\.js$/, '.ts'));
}

function instantiate(filePath: string): { instance: unknown; className: string } {
	// n8n's loader takes the class name from the file name before the first dot.
	const className = path.basename(filePath).split('.')[0];
	// A synchronous require of a path known only at run time, as n8n's own loader does.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports: unknown = require(filePath);
	const exported = isRecord(moduleExports) ? moduleExports[className] : undefined;
	if (typeof exported !== 'function') {
		throw new Error(`${filePath} does not export a class named "${className}"`);
	}
	const Constructor = exported as new () => unknown;
	return { instance: new Constructor(), className };
}

function isNodeType(value: unknown): value is INodeType | IVersionedNodeType {
	return (
		isRecord(value) && isRecord(value.description) && typeof value.description.name === 'string'
	);
}

function isCredentialType(value: unknown): value is ICredentialType {
	return isRecord(value) && typeof value.name === 'string' && Array.isArray(value.properties);
}

export function loadPackage(
	root: string = DEFAULT_PACKAGE_ROOT,
	from: PackageSource = 'source',
): LoadedPackage {
	const manifest: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	if (!isRecord(manifest) || typeof manifest.name !== 'string') {
		throw new Error(`${root}/package.json has no package name`);
	}
	const n8n = isRecord(manifest.n8n) ? manifest.n8n : {};
	const loaded: LoadedPackage = { packageName: manifest.name, nodes: [], credentials: [] };

	for (const listed of stringList(n8n.credentials, 'n8n.credentials')) {
		const filePath = resolveEntry(root, listed, from);
		const { instance } = instantiate(filePath);
		if (!isCredentialType(instance)) throw new Error(`${filePath} is not a credential type`);
		loaded.credentials.push(instance);
	}
	for (const listed of stringList(n8n.nodes, 'n8n.nodes')) {
		const filePath = resolveEntry(root, listed, from);
		const { instance, className } = instantiate(filePath);
		if (!isNodeType(instance)) throw new Error(`${filePath} is not a node type`);
		loaded.nodes.push({ instance, sourcePath: filePath, className });
	}
	return loaded;
}
