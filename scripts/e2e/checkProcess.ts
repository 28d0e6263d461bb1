/**
 * What the e2e checks that run in a process of their own (stuckLoop.ts, stockSync.ts,
 * pushExamples.ts) share: running an n8n CLI command, importing their credential and workflows,
 * the static check of an example's expressions, printing their checks the way helpers.ts does,
 * and their exit code.
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
 * A credential for the mock gateway at `baseUrl` and workflows whose nodes with credentials all
 * use it, imported with n8n's CLI (one command for the credential, one for the workflows). Files
 * and logs under <dir>, named after `label`.
 */
export async function importWorkflow(
	n8nBin: string,
	dir: string,
	label: string,
	{ credential, baseUrl, workflows }: { credential: { id: string; name: string }; baseUrl: string; workflows: ReadonlyArray<Record<string, unknown>> },
): Promise<void> {
	const credentialFile = path.join(dir, `${label}-credentials.json`);
	const workflowDir = path.join(dir, `${label}-workflows`);
	mkdirSync(workflowDir, { recursive: true });
	writeFileSync(credentialFile, JSON.stringify([{ ...credential, type: 'wangdiantongApi', data: { environment: 'custom', baseUrl, ...DEFAULT_ACCOUNT } }]));
	workflows.forEach((workflow, index) => {
		const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) => (node.credentials ? { ...node, credentials: { wangdiantongApi: credential } } : node));
		writeFileSync(path.join(workflowDir, `${label}-${index + 1}.json`), JSON.stringify({ ...workflow, nodes }, null, 2));
	});
	await n8nCommand(n8nBin, dir, `${label}-import-credentials`, ['import:credentials', `--input=${credentialFile}`]);
	await n8nCommand(n8nBin, dir, `${label}-import-workflow`, ['import:workflow', '--separate', `--input=${workflowDir}`]);
}

/** A node of an example as its file has it. */
export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

/** An example as its file has it, which must hold the nodes the checks name (else: update the check). */
export function readExample(file: string, names: readonly string[]): { nodes: WorkflowNode[] } & Record<string, unknown> {
	const example = JSON.parse(readFileSync(file, 'utf8')) as { nodes: WorkflowNode[] } & Record<string, unknown>;
	const present = new Set(example.nodes.map((node) => node.name));
	const missing = names.filter((name) => !present.has(name));
	if (missing.length > 0) throw new Error(`${path.basename(file)} has no node "${missing.join('", "')}": update the check`);
	return example;
}

/** Expressions that read another node's data: no example needs one (each node reads `$json`). */
const READS_OTHER_NODES = /\$\(|\$node\b|\$items\(/;

/** The example's parameter texts that read another node, by node name. */
export function readsOtherNodes(nodes: readonly WorkflowNode[]): string[] {
	const texts = (value: unknown): string[] =>
		typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [];
	return nodes.flatMap((node) => texts(node.parameters).filter((text) => READS_OTHER_NODES.test(text)).map((text) => `${node.name}: ${text}`));
}

/** The static check every example gets, as one check line. */
export function noExpressionReadsOtherNodes(nodes: readonly WorkflowNode[]): Check {
	const reading = readsOtherNodes(nodes);
	return [reading.length === 0, 'no expression of the example reads another node ($(…), $node, $items)', reading.join('; ')];
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
