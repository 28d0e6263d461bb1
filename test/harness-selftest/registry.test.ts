// The registry: loading a package from package.json (source or dist), naming, stand-ins,
// programmatic additions, and what the Code stand-in emulates.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createRegistry, runWorkflow } from '../harness';
import { resolveEntry } from '../harness/packageLoader';
import { createTestRegistry } from './testTypes';
import { chain, code, node, trigger } from './workflows';

// A fake community package: package.json lists dist paths; the files exist as .ts (source
// mode) and as .js under dist/ (dist mode) and tag their output so we can tell them apart.
// (ts-jest transpiles without type checking, so the .ts file needs no annotations.)
const NODE_SOURCE = (from: string): string => `
class Fake {
	description = {
		displayName: 'Fake', name: 'fake', group: ['transform'], version: [1, 2], description: 'fake',
		defaults: { name: 'Fake' }, inputs: ['main'], outputs: ['main'], properties: [],
		credentials: [{ name: 'fakeApi', required: false }],
	};
	async execute() {
		return [this.getInputData().map((item) => ({ json: { ...item.json, loadedFrom: '${from}' } }))];
	}
}
module.exports = { Fake };
`;
const CREDENTIAL_SOURCE = `
class FakeApi {
	name = 'fakeApi';
	displayName = 'Fake API';
	extends = ['baseFakeApi'];
	properties = [{ displayName: 'Token', name: 'token', type: 'string', default: 'default-token' }];
}
module.exports = { FakeApi };
`;

let packageRoot: string;

beforeAll(() => {
	packageRoot = mkdtempSync(path.join(tmpdir(), 'harness-package-'));
	const write = (relative: string, content: string): void => {
		mkdirSync(path.dirname(path.join(packageRoot, relative)), { recursive: true });
		writeFileSync(path.join(packageRoot, relative), content);
	};
	write(
		'package.json',
		JSON.stringify({
			name: 'n8n-nodes-fake',
			n8n: {
				nodes: ['dist/nodes/Fake/Fake.node.js'],
				credentials: ['dist/credentials/FakeApi.credentials.js'],
			},
		}),
	);
	write('nodes/Fake/Fake.node.ts', NODE_SOURCE('source'));
	write('credentials/FakeApi.credentials.ts', CREDENTIAL_SOURCE);
	// The "build": the same code is valid JS too.
	write('dist/nodes/Fake/Fake.node.js', NODE_SOURCE('dist'));
	write('dist/credentials/FakeApi.credentials.js', CREDENTIAL_SOURCE);
});

afterAll(() => {
	rmSync(packageRoot, { recursive: true, force: true });
});

test('dist paths map to the TypeScript sources at the package root', () => {
	expect(resolveEntry('/repo', 'dist/nodes/Wangdiantong/Wangdiantong.node.js', 'source')).toBe(
		'/repo/nodes/Wangdiantong/Wangdiantong.node.ts',
	);
	expect(resolveEntry('/repo', 'dist/nodes/Wangdiantong/Wangdiantong.node.js', 'dist')).toBe(
		'/repo/dist/nodes/Wangdiantong/Wangdiantong.node.js',
	);
});

test.each(['source', 'dist'] as const)(
	'package nodes load from %s and register as <package>.<name>, credentials by name',
	async (from) => {
		const registry = createRegistry({ packageRoot, from });
		expect(registry.typeNames()).toContain('n8n-nodes-fake.fake');
		expect(registry.credentialTypes.recognizes('fakeApi')).toBe(true);
		expect(registry.credentialTypes.getSupportedNodes('fakeApi')).toEqual(['n8n-nodes-fake.fake']);
		expect(registry.credentialTypes.getParentTypes('fakeApi')).toEqual(['baseFakeApi']);

		const result = await runWorkflow({
			workflow: chain(trigger(), node('Fake', 'n8n-nodes-fake.fake', {}, { typeVersion: 2 })),
			registry,
		});
		expect(result.outputs('Fake')[0].map((item) => item.json)).toEqual([{ loadedFrom: from }]);
	},
);

test("this package's listed nodes and credentials all load from source, next to the stand-ins", () => {
	const manifest = JSON.parse(
		readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'),
	);
	const registry = createRegistry();
	expect(registry.packageName).toBe('n8n-nodes-wangdiantong');
	const packageTypes = registry
		.typeNames()
		.filter((name) => name.startsWith('n8n-nodes-wangdiantong.'));
	expect(packageTypes).toHaveLength(manifest.n8n.nodes.length);
	expect(registry.credentialTypes.names()).toHaveLength(manifest.n8n.credentials.length);
	expect(registry.typeNames()).toEqual(
		expect.arrayContaining([
			'n8n-nodes-base.manualTrigger',
			'n8n-nodes-base.noOp',
			'n8n-nodes-base.code',
		]),
	);
});

test('empty n8n.nodes / n8n.credentials lists are tolerated; types can be added later', () => {
	const emptyRoot = mkdtempSync(path.join(tmpdir(), 'harness-empty-'));
	try {
		writeFileSync(
			path.join(emptyRoot, 'package.json'),
			JSON.stringify({ name: 'n8n-nodes-empty', n8n: { nodes: [], credentials: [] } }),
		);
		const registry = createRegistry({ packageRoot: emptyRoot });
		expect(registry.typeNames()).toHaveLength(5); // the n8n-nodes-base stand-ins only
		expect(registry.credentialTypes.names()).toEqual([]);
		registry.addCredentialType({ name: 'laterApi', displayName: 'Later', properties: [] });
		expect(registry.credentialTypes.recognizes('laterApi')).toBe(true);
	} finally {
		rmSync(emptyRoot, { recursive: true, force: true });
	}
});

test('unknown node types fail with the registered names listed', async () => {
	const run = runWorkflow({
		workflow: chain(trigger(), node('X', 'n8n-nodes-base.set')),
		registry: createRegistry(),
	});
	await expect(run).rejects.toThrow(
		/Unknown node type "n8n-nodes-base.set" \(registered: .*manualTrigger/,
	);
});

describe('Code stand-in', () => {
	const registry = createTestRegistry();
	const run = async (jsCode: string, typeVersion = 2, extra: Record<string, string> = {}) => {
		const three = code('Three', 'return [{ i: 0 }, { i: 1 }, { i: 2 }];');
		const under = node('Under test', 'n8n-nodes-base.code', { jsCode, ...extra }, { typeVersion });
		return await runWorkflow({ workflow: chain(trigger(), three, under), registry });
	};

	test('same number of items: paired by index; plain objects and { json } both accepted', async () => {
		const result = await run('return [{ json: { a: 1 } }, { b: 2 }, { json: { c: 3 } }];');
		const [items] = result.outputs('Under test');
		expect(items.map((item) => item.json)).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('fewer output items than input: paired by index', async () => {
		const result = await run('return [{ total: items.length }];');
		expect(result.outputs('Under test')).toEqual([
			[{ json: { total: 3 }, pairedItem: { item: 0 } }],
		]);
	});

	test('$input.first()/last(), await, and an explicit pairedItem is kept', async () => {
		const result = await run(`
			await new Promise((resolve) => setTimeout(resolve, 1));
			return [{ json: { first: $input.first().json.i, last: $input.last().json.i }, pairedItem: { item: 2 } }];
		`);
		expect(result.outputs('Under test')).toEqual([
			[{ json: { first: 0, last: 2 }, pairedItem: { item: 2 } }],
		]);
	});

	test('input items are copies: mutating them does not change the previous node output', async () => {
		const result = await run('const all = $input.all(); all[0].json.i = 99; return all;');
		expect(result.outputs('Three')[0][0].json).toEqual({ i: 0 });
		expect(result.outputs('Under test')[0][0].json).toEqual({ i: 99 });
	});

	test('unsupported versions / modes and bad return values fail the node', async () => {
		expect((await run('return [];', 1)).nodeError('Under test')?.message).toMatch(
			/only emulates typeVersion 2/,
		);
		expect(
			(await run('return [];', 2, { mode: 'runOnceForEachItem' })).nodeError('Under test')?.message,
		).toMatch(/runOnceForEachItem/);
		expect((await run('return [1, 2];')).nodeError('Under test')?.message).toBe(
			"Code doesn't return items properly (entry 0)",
		);
		expect((await run('throw new Error("boom");')).nodeError('Under test')?.message).toBe('boom');
	});
});
