// Package policy for an n8n community package, checked on the packed tarball (unpacked into the
// folder given as the only argument): what n8n's rules and its verification ask of package.json
// and of what is shipped. Prints each check; exits 1 when any fails.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { n8nWorkflowNamesUsed } from './n8nWorkflowUses.mjs';

const root = process.argv[2];
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const results = [];
const check = (ok, what) => results.push({ ok: Boolean(ok), what });

function walk(dir, prefix = '') {
	return readdirSync(dir).flatMap((name) => {
		const relative = path.posix.join(prefix, name);
		return statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name), relative) : [relative];
	});
}
const shipped = walk(root);

check(Object.keys(pkg.dependencies ?? {}).length === 0, 'no runtime dependencies');
check(
	JSON.stringify(pkg.peerDependencies ?? {}) === JSON.stringify({ 'n8n-workflow': '*' }),
	'the only peer dependency is n8n-workflow: "*"',
);
check(pkg.keywords?.includes('n8n-community-node-package'), 'keyword n8n-community-node-package');
check(pkg.name?.startsWith('n8n-nodes-'), 'name starts with n8n-nodes-');
check(pkg.license === 'MIT' && existsSync(path.join(root, 'LICENSE')), 'MIT licence, with its LICENSE file');
check(Array.isArray(pkg.files) && pkg.files.includes('dist'), 'files lists dist');
// npm ships every README* file whatever `files` says: the Chinese README goes along, as it should.
const allowed = (file) =>
	file.startsWith('dist/') || ['package.json', 'README.md', 'README.zh-CN.md', 'LICENSE', 'CHANGELOG.md'].includes(file);
const stray = shipped.filter((file) => !allowed(file));
check(stray.length === 0, `the tarball holds only dist/, package.json, README.md, README.zh-CN.md, LICENSE, CHANGELOG.md${stray.length ? ` (also: ${stray.join(', ')})` : ''}`);
check(pkg.n8n?.n8nNodesApiVersion === 1 && pkg.n8n?.strict === true, 'n8n section: n8nNodesApiVersion 1, strict');

const registered = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
for (const file of registered) check(shipped.includes(file), `registered ${file} is shipped`);
const built = shipped.filter((file) => /\.(node|credentials)\.js$/.test(file));
for (const file of built) check(registered.includes(file), `shipped ${file} is registered in package.json`);
for (const file of pkg.n8n?.nodes ?? []) {
	const codex = file.replace(/\.js$/, '.json');
	check(shipped.includes(codex), `node ${path.basename(file)} has its codex ${path.basename(codex)}`);
}
const icons = shipped.filter((file) => file.endsWith('.svg'));
check(icons.some((f) => f.includes('dark')) && icons.some((f) => !f.includes('dark')), 'light and dark SVG icons are shipped');

// Stack traces and debuggers follow the shipped source maps; the .ts files are not shipped, so
// each map must carry its sources.
const maps = shipped.filter((file) => file.endsWith('.js.map'));
const hollow = maps.filter((file) => {
	const map = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
	return !Array.isArray(map.sourcesContent) || map.sourcesContent.length !== map.sources.length;
});
check(hollow.length === 0, `every shipped source map carries its sources${hollow.length ? ` (not: ${hollow.join(', ')})` : ''}`);

// The values our code takes from n8n-workflow at run time must exist in every n8n line we support:
// the peer is whatever n8n brings. Each name here was looked up in n8n 1.123.50's n8n-workflow
// and in 2.40.7's (scripts/e2e checks the n8n it runs in). `sleepWithAbort` is not here: 2.x
// dropped it, and every rate-limit wait was skipped there until the node stopped using it.
const IN_BOTH_N8N_LINES = new Set(['NodeApiError', 'NodeOperationError', 'NodeConnectionTypes', 'sleep']);
const used = n8nWorkflowNamesUsed(root);
const unknown = used.filter((name) => !IN_BOTH_N8N_LINES.has(name));
check(used.length > 0 && unknown.length === 0, `n8n-workflow values used exist in n8n 1.x and 2.x (${used.join(', ')})${unknown.length ? `; not known in both: ${unknown.join(', ')}` : ''}`);

for (const { ok, what } of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
const failed = results.filter((r) => !r.ok).length;
console.log(failed ? `package policy: ${failed} of ${results.length} checks failed` : `package policy: all ${results.length} checks hold`);
process.exitCode = failed ? 1 : 0;
