/**
 * `npm run bench:n8n` (scripts/e2e/bench.sh, which installs a real n8n and our packed tarball
 * into it first): the benchmark's main rows in a REAL n8n, 1.x or 2.x, with n8n's own Code node
 * (in its task runner) and HTTP Request node for the do-it-yourself rows, which `npm run bench`
 * (n8n-core alone) cannot run. Each scenario is one `n8n execute` of a workflow whose
 * Code node makes the records; the time is n8n's own executionTime of the measured nodes, the
 * CPU that of n8n's main process within that time (procCpu.ts). Memory is left to `npm run
 * bench`: each run is a fresh n8n process whose start-up would drown it.
 *
 * Environment (set by bench.sh): N8N_BIN, the n8n executable with its settings exported; WORK, a
 * folder for this run's files. Arguments: --records N (default 5000), --latency MS (default 30).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DEFAULT_ACCOUNT } from '../test/mock/gateway';
import type { MockGatewayOptions } from '../test/mock/types';
import { parseExecuteOutput, type ExecuteRun } from '../scripts/e2e/executeOutput';
import { GatewayProcess } from './gateway';
import { CpuSampler } from './procCpu';
import { fmt, floorRatio } from './format';
import { floorMs, SCENARIOS, worthRunning, type ScenarioSpec } from './spec';
import { benchWorkflow, measuredNodes, withGeneratedRecords } from './workflows';

const CREDENTIAL_ID = 'wdt-bench';

const SPECS: ScenarioSpec[] = [
	SCENARIOS.passThrough,
	SCENARIOS.node,
	SCENARIOS.nodeConcurrency2,
	SCENARIOS.diyPerRoundTrip,
	SCENARIOS.diyPerSecond,
	SCENARIOS.diyAllAtOnce,
	SCENARIOS.diyPerRecord,
];

function argument(name: string, fallback: number): number {
	const at = process.argv.indexOf(name);
	const value = at < 0 ? fallback : Number(process.argv[at + 1]);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number, got ${process.argv[at + 1]}`);
	return value;
}

function requiredEnv(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run this through scripts/e2e/bench.sh (npm run bench:n8n)`);
	return value;
}

const n8nBin = requiredEnv('N8N_BIN');
const work = requiredEnv('WORK');

/**
 * Runs one n8n CLI command, its output in files named after `label`; returns its stdout and the
 * CPU of n8n's process, sampled while it ran.
 */
async function n8n(label: string, args: string[]): Promise<{ stdout: string; cpu: CpuSampler | undefined }> {
	const out = path.join(work, `${label}.out`);
	const err = path.join(work, `${label}.err`);
	let cpu: CpuSampler | undefined;
	const status = await new Promise<number | null>((resolve, reject) => {
		// n8n's bin is a script run by `env node`, which execs node: the same pid throughout.
		const child = spawn(n8nBin, args, { stdio: ['ignore', openSync(out, 'w'), openSync(err, 'w')] });
		if (child.pid !== undefined) cpu = new CpuSampler(child.pid);
		child.on('error', reject);
		child.on('exit', resolve);
	}).finally(() => cpu?.stop());
	if (status !== 0) {
		// The last lines say why; the run itself (thousands of items) would bury them.
		const tail = (file: string) => readFileSync(file, 'utf8').split('\n').slice(-8).join('\n').slice(-2000);
		throw new Error(`n8n ${args[0]} exited ${String(status)}; the last lines of ${out} and ${err}:\n${tail(out)}\n${tail(err)}`);
	}
	return { stdout: readFileSync(out, 'utf8'), cpu };
}

/** Fresh records at the gateway: after a reset it numbers them from the same first id every time. */
async function freshRecords(gateway: GatewayProcess, count: number): Promise<string> {
	await gateway.reset();
	const ids = await gateway.seed(count);
	const first = BigInt(ids[0] ?? '0');
	if (ids.some((id, i) => BigInt(id) !== first + BigInt(i))) throw new Error('the gateway did not number the records consecutively');
	return first.toString();
}

/** The measured nodes' time, and the CPU n8n's main process spent meanwhile. */
function measuredRun(run: ExecuteRun, spec: ScenarioSpec, cpu: CpuSampler | undefined): { nodeMs: number; cpuMs: number } {
	const runData = run.data?.resultData?.runData ?? {};
	let nodeMs = 0;
	let cpuMs = 0;
	for (const name of measuredNodes(spec)) {
		const { startTime = NaN, executionTime = NaN } = runData[name]?.[0] ?? {};
		nodeMs += executionTime;
		cpuMs += cpu?.between(startTime, startTime + executionTime) ?? NaN;
	}
	return { nodeMs, cpuMs };
}

interface Phase {
	title: string;
	gateway: MockGatewayOptions;
	specs: ScenarioSpec[];
}

let workflowCount = 0;
let importCount = 0;

/** Writes and imports the credential and one workflow per scenario, for the gateway as it is now. */
async function importScenarios(gateway: GatewayProcess, phase: Phase, records: number, firstId: string, latencyMs: number): Promise<string[]> {
	const dir = path.join(work, `workflows-${++importCount}`);
	mkdirSync(dir, { recursive: true });
	const credentialFile = path.join(work, `credentials-${importCount}.json`);
	const credential = { id: CREDENTIAL_ID, name: 'Wangdiantong bench gateway', type: 'wangdiantongApi', data: { environment: 'custom', baseUrl: gateway.baseUrl, ...DEFAULT_ACCOUNT } };
	writeFileSync(credentialFile, JSON.stringify([credential]));
	const ids = phase.specs.map((spec) => {
		const workflow = withGeneratedRecords(benchWorkflow(spec, [], gateway.baseUrl, latencyMs), firstId, records);
		const nodes = workflow.nodes.map((node) => (node.credentials ? { ...node, credentials: { wangdiantongApi: { id: CREDENTIAL_ID, name: credential.name } } } : node));
		// n8n 1.x takes workflow ids of at most 16 characters (utils.isWorkflowIdValid).
		const id = `wdtBench${String(++workflowCount).padStart(3, '0')}`;
		writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...workflow, nodes, id, name: spec.label, active: false, settings: {} }));
		return id;
	});
	await n8n(`import-credentials-${importCount}`, ['import:credentials', `--input=${credentialFile}`]);
	await n8n(`import-workflows-${importCount}`, ['import:workflow', '--separate', `--input=${dir}`]);
	return ids;
}

async function runPhase(gateway: GatewayProcess, phase: Phase, records: number, latencyMs: number): Promise<void> {
	await gateway.start(phase.gateway);
	const firstId = await freshRecords(gateway, records);
	const ids = await importScenarios(gateway, phase, records, firstId, latencyMs);
	console.log(`\n### ${phase.title}\n`);
	console.log('| scenario | records | requests | refused as rate-limited | acknowledged | lost | records/s | node ms | floor ms | node/floor | CPU ms/1k in the node |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const [i, spec] of phase.specs.entries()) {
		await freshRecords(gateway, records);
		const before = await gateway.stats();
		const { stdout, cpu } = await n8n(`execute-${ids[i]}`, ['execute', `--id=${ids[i]}`, '--rawOutput']);
		const after = await gateway.stats();
		const run = parseExecuteOutput(stdout);
		const error = run.data?.resultData?.error;
		if (error) throw new Error(`${spec.label}: the workflow failed: ${String(error.message)}`);
		const requests = after.requests - before.requests;
		const acknowledged = after.ledger - before.ledger;
		const lost = spec.kind === 'passThrough' ? '–' : String(records - acknowledged);
		const { nodeMs, cpuMs } = measuredRun(run, spec, cpu);
		// The Code node of the do-it-yourself rows runs in n8n's task runner, another process.
		const cpuPerK = spec.kind === 'diy' ? '–' : fmt((cpuMs / records) * 1000, 1);
		const floor = floorMs(records, latencyMs);
		const ratio = floorRatio(nodeMs, floor, requests);
		console.log(
			`| ${spec.label} | ${records} | ${requests} | ${after.rateLimited - before.rateLimited} | ${acknowledged} | ${lost} | ${fmt(records / (nodeMs / 1000))} | ${fmt(nodeMs)} | ${floor} | ${ratio} | ${cpuPerK} |`,
		);
	}
}

async function main(): Promise<void> {
	const records = argument('--records', 5000);
	const latencyMs = argument('--latency', 30);
	const fits = (spec: ScenarioSpec) => worthRunning(spec, records, latencyMs);
	const version = JSON.parse(readFileSync(path.join(path.dirname(n8nBin), '..', 'n8n', 'package.json'), 'utf8')) as { version: string };
	console.log(`\n## In a real n8n ${version.version}, Node ${process.version}: ${records} records, ${latencyMs} ms latency`);
	const phases: Phase[] = [
		{ title: 'No rate limit', gateway: { latencyMs }, specs: SPECS.filter(fits) },
		{
			// The ERP's limit, about 60 calls a minute per appkey (docs/PROTOCOL.md, "Rate limit"): the node with its defaults.
			title: 'Rate limited: 60 calls per 60 s per appkey',
			gateway: { latencyMs, rateLimit: { maxCalls: 60, windowMs: 60000 } },
			specs: [SCENARIOS.node, SCENARIOS.diyPerRoundTrip, SCENARIOS.diyPerSecond, SCENARIOS.diyAllAtOnce].filter(fits),
		},
	];
	const gateway = GatewayProcess.spawn();
	try {
		for (const phase of phases) await runPhase(gateway, phase, records, latencyMs);
	} finally {
		await gateway.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
