// The values built JavaScript takes from n8n-workflow at run time: tsc compiles
// `import { X } from 'n8n-workflow'` to `n8n_workflow_1.X`. Used by verify-package.mjs (against
// the names known in both n8n lines) and scripts/e2e/setup.sh (against the n8n it installs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function jsFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

/** The n8n-workflow names the .js files under `dir` use, sorted. */
export function n8nWorkflowNamesUsed(dir) {
	const names = new Set(
		jsFiles(dir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bn8n_workflow_1\.(\w+)/g)].map((match) => match[1])),
	);
	return [...names].sort();
}
