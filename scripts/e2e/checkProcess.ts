/**
 * What the e2e checks that run in a process of their own (stuckLoop.ts, stockSync.ts) share:
 * running an n8n CLI command, importing their credential and workflow, printing their checks the
 * way helpers.ts does, and their exit code.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_ACCOUNT } from '../../test/mock/gateway';

export type Check = [ok: boolean, what: string, detail: string];

/** One n8n CLI command, at most 5 minutes; stdout kept in <dir>/<label>.out and stderr in .err. */
export async function n8nCommand(n8nBin: string, dir: string, label: string, args: string[]): Promise<string> {
	const out = path.join(dir, `${label}.out`);
	const status = await new Promise<number | null>((resolve, reject) => {
		const child = spawn(n8nBin, args, { stdio: ['ignore', openSync(out, 'w'), openSync(path.join(dir, `${label}.err`), 'w')] });
		const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
		child.on('error', reject);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
	if (status !== 0) throw new Error(`n8n ${args[0]} exited ${String(status)} (see ${out})`);
	return readFileSync(out, 'utf8');
}

/**
 * A credential for the mock gateway at `baseUrl` and a workflow whose nodes with credentials all
 * use it, imported with n8n's CLI. Files and logs under <dir>, named after `label`.
 */
export async function importWorkflow(
	n8nBin: string,
	dir: string,
	label: string,
	{ credential, baseUrl, workflow }: { credential: { id: string; name: string }; baseUrl: string; workflow: Record<string, unknown> },
): Promise<void> {
	const credentialFile = path.join(dir, `${label}-credentials.json`);
	const workflowDir = path.join(dir, `${label}-workflows`);
	const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) => (node.credentials ? { ...node, credentials: { wangdiantongApi: credential } } : node));
	mkdirSync(workflowDir, { recursive: true });
	writeFileSync(credentialFile, JSON.stringify([{ ...credential, type: 'wangdiantongApi', data: { environment: 'custom', baseUrl, ...DEFAULT_ACCOUNT } }]));
	writeFileSync(path.join(workflowDir, `${label}.json`), JSON.stringify({ ...workflow, nodes }, null, 2));
	await n8nCommand(n8nBin, dir, `${label}-import-credentials`, ['import:credentials', `--input=${credentialFile}`]);
	await n8nCommand(n8nBin, dir, `${label}-import-workflow`, ['import:workflow', '--separate', `--input=${workflowDir}`]);
}

/** An `ok`/`FAIL` line per check under a title; a failure's detail is cut to its first 400 characters. */
export function printChecks(title: string, tag: string, checks: readonly Check[]): boolean {
	const brief = (detail: string): string => (detail.length > 400 ? `${detail.slice(0, 400)}…` : detail);
	console.log(title);
	for (const [ok, what, detail] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${tag}: ${what}${ok ? '' : `\n          ${brief(detail)}`}`);
	return checks.every(([ok]) => ok);
}

/** Runs the check's main and sets the exit code: 1 when a check failed or the run threw. */
export function runCheck(tag: string, main: () => Promise<boolean>): void {
	main().then(
		(ok) => {
			if (!ok) process.exitCode = 1;
		},
		(error: unknown) => {
			console.error(`  FAIL  ${tag}: ${error instanceof Error ? error.message : String(error)}`);
			process.exitCode = 1;
		},
	);
}
