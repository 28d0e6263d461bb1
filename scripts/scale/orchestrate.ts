/**
 * One scenario of the scale run (run.sh calls it once per scenario), against the n8n, Postgres
 * and Redis run.sh prepared:
 *
 *   ts-node --transpile-only scripts/scale/orchestrate.ts --work DIR --n8n-home DIR \
 *     --mode queue|single --save-progress on|off --gateway-port N --platform-port N \
 *     [--records 2000] [--budget 900] [--label TEXT] [--result FILE]
 *
 * 1. Starts the mock gateway (60 calls a minute for the appkey) and the shop platform on the
 *    ports the imported credential and workflows name, and seeds each shop with `--records`.
 * 2. Starts n8n: in queue mode a main process and two `n8n worker --concurrency=2` (three loops
 *    for four slots: each worker gets at least one); in single mode one regular process.
 * 3. Calls the three shops' webhooks at once. In queue mode, once the shop of an execution on
 *    worker-1 has had 500 records acknowledged, the gateway holds the answer to that shop's next
 *    ack it processed and worker-1 is killed with SIGKILL meanwhile (the ack landed, the worker
 *    never learned it: a worker dying during Acknowledge), then started again 5 s later, as a
 *    fresh container (a new user folder). n8n's queue notices the dead worker's jobs when their
 *    lock expires and runs them again.
 * 4. When every execution has finished, shops that still have pending records are called again
 *    (the next scheduled run), up to 4 waves.
 * 5. Stops n8n, reads every execution n8n saved, and prints the checks (checks.ts) and the
 *    throughput beside the ceiling. Exit 0 when every check passed.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { MockGateway } from '../../test/mock/gateway';
import { judge, type AckRequest, type Facts, type Kill, type SeededRecord } from './checks';
import { ExecutionStore, isFinished, type Execution } from './executions';
import { pushesOf, startScalePlatform } from './platform';
import { N8nProcess } from './processes';
import { CEILING_PER_MINUTE, RATE_LIMIT, SHOPS, shopOfWorkflow, webhookPathOf, type Shop } from './shops';

/** The kill comes once the victim's shop has this many records acknowledged (a quarter with few records). */
const KILL_AFTER_RECORDS = 500;
const RESTART_AFTER_MS = 5_000;
const MAX_WAVES = 4;

function options(): Record<string, string> {
	const out: Record<string, string> = {};
	const args = process.argv.slice(2);
	for (let i = 0; i < args.length; i += 2) {
		if (!args[i].startsWith('--') || args[i + 1] === undefined) throw new Error(`bad argument ${args[i]}`);
		out[args[i].slice(2)] = args[i + 1];
	}
	for (const required of ['work', 'n8n-home', 'mode', 'save-progress', 'gateway-port', 'platform-port']) {
		if (out[required] === undefined) throw new Error(`--${required} is required`);
	}
	return out;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const stamp = (startMs: number) => `[${((Date.now() - startMs) / 1000).toFixed(0).padStart(4)} s]`;

async function main(): Promise<number> {
	const opt = options();
	const work = path.resolve(opt.work);
	const queueMode = opt.mode === 'queue';
	const saveProgress = opt['save-progress'] === 'on';
	const records = Number(opt.records ?? 2000);
	const budgetMs = Number(opt.budget ?? 900) * 1000;
	const label = opt.label ?? `${opt.mode}, save-progress ${opt['save-progress']}`;
	const logDir = path.join(work, label.replace(/[^a-z0-9]+/gi, '-'));
	mkdirSync(logDir, { recursive: true });
	const startMs = Date.now();
	const log = (text: string) => console.log(`${stamp(startMs)} ${text}`);

	// 1. The ERP and the platform.
	const platform = await startScalePlatform(Number(opt['platform-port']));
	const arrivals = new Map<number, number>();
	const pushesAt = new Map<number, number>();
	let beforeProcessing: ((number: number, api: string) => void) | undefined;
	const gateway = await MockGateway.start({ port: Number(opt['gateway-port']), rateLimit: RATE_LIMIT });
	gateway.setFaultPlan(({ number, api }) => {
		// Called as each request arrives, just before the gateway processes it.
		arrivals.set(number, Date.now());
		pushesAt.set(number, platform.received.length);
		beforeProcessing?.(number, api);
		return heldAnswers.has(number) ? { kind: 'delay', ms: 4_000, when: 'after' } : undefined;
	});
	const heldAnswers = new Set<number>();
	const seeded: SeededRecord[] = [];
	SHOPS.forEach((shop, i) => {
		for (const record of gateway.seedPending(records, { shopNo: shop, firstRecId: (i + 1) * 10_000_000 + 1 })) {
			seeded.push({ recId: record.rec_id, shop, orderNo: record.tid, trackingNo: record.logistics_no });
		}
	});
	if (new Set(seeded.map((record) => record.trackingNo)).size !== seeded.length) throw new Error('seeded tracking numbers are not unique');
	const shopOf = new Map(seeded.map((record) => [record.recId, record.shop]));
	log(`${label}: ${SHOPS.length} shops × ${records} pending records, one appkey limited to ${RATE_LIMIT.maxCalls} calls a minute (gateway ${gateway.baseUrl})`);

	// 2. n8n.
	const env: NodeJS.ProcessEnv = {
		...process.env,
		EXECUTIONS_MODE: queueMode ? 'queue' : 'regular',
		EXECUTIONS_DATA_SAVE_ON_PROGRESS: saveProgress ? 'true' : 'false',
	};
	const bin = path.join(opt['n8n-home'], 'node_modules', '.bin', 'n8n');
	// Each process its own user folder, as on separate machines: n8n keeps a crash journal there,
	// and a shared one makes every process believe the last session crashed. The community
	// package is copied into each, as installed.
	const envFor = (name: string): NodeJS.ProcessEnv => {
		const folder = path.join(logDir, 'users', name);
		cpSync(path.join(process.env.N8N_USER_FOLDER ?? '', '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), { recursive: true });
		return { ...env, N8N_USER_FOLDER: folder };
	};
	// run.sh's exit trap stops every process group listed in <work>/pids.
	const pids = path.join(work, 'pids');
	const main = new N8nProcess('main', bin, ['start'], envFor('main'), logDir, pids);
	const workers = queueMode ? [1, 2].map((n) => new N8nProcess(`worker-${n}`, bin, ['worker', '--concurrency=2'], envFor(`worker-${n}`), logDir, pids)) : [];
	const store = await ExecutionStore.open(opt['n8n-home'], process.env);
	// Earlier scenarios' executions share the database: only this run's count.
	const earlier = new Set((await store.list()).map((execution) => execution.id));
	const starts: Array<{ executionId: string; worker: string }> = [];
	/** Where each execution runs now, and its shop once known. */
	const runningOn = new Map<string, string>();
	const shopOfExecution = new Map<string, Shop>();
	const workerStarts = new Map<string, number>();
	for (const worker of workers) {
		worker.onLine((line) => {
			const match = /Worker started execution (\d+) \(job/.exec(line);
			if (!match) return;
			const executionId = match[1];
			const label = `${worker.name}#${workerStarts.get(worker.name) ?? 1}`;
			starts.push({ executionId, worker: label });
			runningOn.set(executionId, worker.name);
			void store.read(executionId).then((execution) => {
				const shop = shopOfWorkflow(execution.workflowId);
				if (shop) shopOfExecution.set(executionId, shop);
			});
		});
	}
	const port = process.env.N8N_PORT;
	let exitCode = 1;
	try {
		log(`starting n8n ${queueMode ? 'main + 2 workers (queue mode, Redis + Postgres)' : 'in one process (Postgres)'}; save execution progress ${saveProgress ? 'on' : 'off'}`);
		await main.start(/Editor is now accessible/, 240_000);
		for (const worker of workers) {
			workerStarts.set(worker.name, 1);
			await worker.start(/worker is now ready/, 240_000);
		}
		await waitForWebhooks(port ?? '', 120_000);
		log('n8n is ready, the three webhooks are registered');

		// 3. The kill, armed for the shop of an execution on worker-1.
		let kill: Kill | undefined;
		const ledgeredOf = (shop: Shop) => gateway.ledger.filter((entry) => shopOf.get(entry.recId) === shop).length;
		if (queueMode) {
			beforeProcessing = (number, api) => {
				if (kill !== undefined || api !== 'logistics_sync_ack') return;
				const request = gateway.requests.find((r) => r.number === number);
				const firstRecId = request ? (JSON.parse(request.params.logistics_list ?? '[]') as Array<{ rec_id: string }>)[0]?.rec_id : undefined;
				const shop = firstRecId === undefined ? undefined : shopOf.get(String(firstRecId));
				const onVictim = [...runningOn].filter(([, worker]) => worker === 'worker-1').map(([id]) => id);
				const victimShops = onVictim.map((id) => shopOfExecution.get(id));
				if (shop === undefined || !victimShops.includes(shop) || ledgeredOf(shop) < Math.min(KILL_AFTER_RECORDS, Math.floor(records / 4))) return;
				heldAnswers.add(number);
				setImmediate(() => {
					// The gateway has processed it by now (synchronously after this hook); a 1012 landed nothing: wait for the next one.
					if (kill !== undefined || request?.processed !== true || request.code !== 0) return;
					const victim = workers[0];
					kill = {
						atMs: Date.now(),
						worker: victim.name,
						executions: onVictim.flatMap((id) => {
							const s = shopOfExecution.get(id);
							return s ? [{ id, shop: s }] : [];
						}),
					};
					victim.kill();
					for (const id of onVictim) runningOn.delete(id);
					log(`SIGKILL to worker-1 while its ack of ${shop} (request ${number}) was processed and before it got the answer; it ran ${kill.executions.map((e) => `${e.id} (${e.shop})`).join(', ')}`);
					setTimeout(() => {
						workerStarts.set(victim.name, 2);
						// As a fresh container: a worker restarted on its old user folder finds there the
						// executions it was running, marks them crashed, and n8n's queue then does not run
						// them again (README, "Running at scale").
						victim.start(/worker is now ready/, 240_000, envFor(`${victim.name}-restarted`)).then(
							() => log('worker-1 started again'),
							(error: unknown) => log(`worker-1 did not start again: ${String(error)}`),
						);
					}, RESTART_AFTER_MS);
				});
			};
		}

		// 3-4. Waves.
		let timedOut = false;
		let shopsToRun: Shop[] = [...SHOPS];
		for (let wave = 1; wave <= MAX_WAVES && shopsToRun.length > 0; wave++) {
			const known = new Set((await store.list()).map((execution) => execution.id));
			log(`wave ${wave}: calling the webhooks of ${shopsToRun.join(', ')}`);
			await Promise.all(shopsToRun.map((shop) => callWebhook(port ?? '', shop)));
			let loggedAt = Date.now();
			for (;;) {
				await sleep(2_000);
				const all = await store.list();
				const mine = all.filter((execution) => !known.has(execution.id));
				if (Date.now() - loggedAt >= 20_000) {
					log(`${gateway.ledger.length} acknowledged, ${mine.filter((e) => isFinished(e.status)).length}/${shopsToRun.length} executions finished`);
					loggedAt = Date.now();
				}
				if (mine.length >= shopsToRun.length && mine.every((execution) => isFinished(execution.status))) break;
				if (Date.now() - startMs > budgetMs) {
					timedOut = true;
					break;
				}
			}
			if (timedOut) break;
			shopsToRun = SHOPS.filter((shop) => gateway.pending(shop).length > 0);
			log(`wave ${wave} done: ${gateway.ledger.length} acknowledged, ${gateway.pending().length} pending${shopsToRun.length ? ` (${shopsToRun.join(', ')})` : ''}`);
		}

		// 5. Stop n8n, read what it saved, judge.
		await Promise.all([main.stop(), ...workers.map((worker) => worker.stop())]);
		const executions: Execution[] = [];
		for (const { id } of await store.list()) if (!earlier.has(id)) executions.push(await store.read(id));
		const ackRequests: AckRequest[] = gateway.requests
			.filter((request) => request.api === 'logistics_sync_ack' && request.processed && request.code === 0)
			.map((request) => ({
				number: request.number,
				atMs: arrivals.get(request.number) ?? Number.NaN,
				pushesBefore: pushesAt.get(request.number) ?? 0,
				recIds: (JSON.parse(request.params.logistics_list ?? '[]') as Array<{ rec_id: unknown }>).map((entry) => String(entry.rec_id)),
			}));
		const facts: Facts = {
			seeded,
			ledger: gateway.ledger,
			ackRequests,
			arrivals,
			rateLimited: gateway.requests.filter((request) => request.code === 1012).length,
			requests: gateway.requests.length,
			admittedAt: gateway.requests.filter((request) => request.code !== 1012).map((request) => arrivals.get(request.number) ?? Number.NaN),
			pending: gateway.pending().map((record) => record.rec_id),
			pushes: pushesOf(platform),
			executions,
			starts,
			kill,
			queueMode,
			saveProgress,
		};
		const report = judge(facts);
		if (timedOut) report.checks.unshift({ ok: false, what: `finished within the budget of ${budgetMs / 1000} s`, detail: 'timed out' });
		console.log();
		console.log(`Checks (${label}):`);
		for (const line of report.checks) console.log(`${line.ok ? 'PASS' : 'FAIL'}: ${line.what}${line.detail ? `\n      ${line.detail}` : ''}`);
		for (const note of report.notes) console.log(`  note: ${note}`);
		const share = (100 * report.perMinute) / CEILING_PER_MINUTE;
		const fullShare = (100 * report.perFullMinute) / CEILING_PER_MINUTE;
		const n = (value: number) => Math.round(value).toLocaleString('en');
		console.log(
			`THROUGHPUT (${label}): ${n(report.perMinute)} records acknowledged a minute = ${share.toFixed(0)}% of the ceiling of ${n(CEILING_PER_MINUTE)} (60 calls a minute, 100 records a call, a query and an ack per 100); ${n(gateway.ledger.length)} records in ${report.minutes.toFixed(2)} min` +
				`; in the run's full minutes ${n(report.perFullMinute)} a minute = ${fullShare.toFixed(0)}% (a short run can pass 100 %: the sliding window lets the first minute's 60 calls go at once)`,
		);
		if (opt.result) {
			writeFileSync(
				opt.result,
				JSON.stringify({ label, ...report, share, fullShare }, null, 2) + '\n',
			);
		}
		exitCode = report.checks.every((line) => line.ok) ? 0 : 1;
	} finally {
		await Promise.all([main.stop(5_000), ...workers.map((worker) => worker.stop(5_000))]);
		await store.close().catch(() => undefined);
		await Promise.all([gateway.close(), platform.close()]);
	}
	return exitCode;
}

async function callWebhook(port: string, shop: Shop): Promise<void> {
	const response = await fetch(`http://127.0.0.1:${port}/webhook/${webhookPathOf(shop)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ shop }),
	});
	if (!response.ok) throw new Error(`webhook of ${shop}: HTTP ${response.status} ${await response.text()}`);
}

/** n8n registers webhooks as it activates workflows, after the editor is up: ask until all three answer. */
async function waitForWebhooks(port: string, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const answers = await Promise.all(
			SHOPS.map(async (shop) => {
				try {
					// A GET to a POST webhook: "did you mean POST" once it is registered, "not registered" before.
					const response = await fetch(`http://127.0.0.1:${port}/webhook/${webhookPathOf(shop)}`);
					return /POST/.test(await response.text());
				} catch {
					return false;
				}
			}),
		);
		if (answers.every(Boolean)) return;
		if (Date.now() > until) throw new Error('the webhooks were not registered in time (are the workflows active?)');
		await sleep(1_000);
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`FAIL: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		process.exit(1);
	},
);
process.once('SIGTERM', () => process.exit(143));
process.once('SIGINT', () => process.exit(130));
