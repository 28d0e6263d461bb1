/**
 * `n8n start` for the e2e checks that need n8n's server (a Webhook trigger answers only there):
 * started on a free loopback port with the settings setup.sh exported, awaited until its REST API
 * answers and the webhooks it was told of are registered, then logged in as the owner (set up
 * through the REST call n8n's setup form makes) to read the executions n8n saved. Stopped by its
 * process id.
 *
 * Activation happens before the start, with n8n's CLI: `update:workflow --active=true` in n8n 1.x,
 * `publish:workflow` in 2.x (where the other is deprecated). n8n 1.x activates them before it
 * prints "Editor is now accessible"; 2.40.7 afterwards, in the background (its publication
 * service), and a webhook called meanwhile answers 404 "not registered". So each webhook is
 * awaited the way a browser asks before a cross-origin POST: OPTIONS with an Origin, which n8n
 * answers 204 with the path's methods once it is registered, 404 before, and runs nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

import { OWNER } from '../ui/owner';
import { n8nCommand } from './checkProcess';
import type { ExecuteNodeRun } from './executeOutput';

/** An execution as the checks read it: its status and every node's runs. */
export interface SavedExecution {
	id: string;
	status: string;
	error?: string;
	runData: Record<string, ExecuteNodeRun[]>;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Makes workflows active for the next `n8n start`, the way this n8n's CLI does it. */
export async function activateWorkflows(n8nBin: string, dir: string, n8nVersion: string, ids: readonly string[]): Promise<void> {
	const major = Number(n8nVersion.split('.')[0]);
	for (const id of ids) {
		const args = major >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
		await n8nCommand(n8nBin, dir, `activate-${id}`, args);
	}
}

export class N8nServer {
	private cookie = '';

	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		private readonly flatted: { parse: (text: string) => unknown },
	) {}

	/**
	 * `n8n start`, stdout and stderr in <dir>/n8n-start.out and .err; resolves once it answers with
	 * these POST webhooks (paths under /webhook/) registered, and the owner is logged in.
	 */
	static async start(n8nBin: string, dir: string, webhookPaths: readonly string[]): Promise<N8nServer> {
		const port = await freePort();
		const out = path.join(dir, 'n8n-start.out');
		const child = spawn(n8nBin, ['start'], {
			env: { ...process.env, N8N_PORT: String(port) },
			stdio: ['ignore', openSync(out, 'w'), openSync(path.join(dir, 'n8n-start.err'), 'w')],
		});
		// n8n stores run data as flatted JSON text: read with the n8n's own copy, nothing added here.
		const n8nPackage = path.join(path.dirname(n8nBin), '..', 'n8n', 'package.json');
		const server = new N8nServer(child, `http://127.0.0.1:${port}`, createRequire(n8nPackage)('flatted') as { parse: (text: string) => unknown });
		try {
			const deadline = Date.now() + 300_000;
			// Its workflows are active once it says the editor is there; the login route comes a little later in 2.x.
			while (!(readFileSync(out, 'utf8').includes('Editor is now accessible') && (await server.answers()) && (await server.registered(webhookPaths)))) {
				if (child.exitCode !== null) throw new Error(`n8n start exited ${String(child.exitCode)} (see ${out})`);
				if (Date.now() > deadline) throw new Error(`n8n start did not answer in 300 s (see ${out})`);
				await sleep(500);
			}
			await server.logIn();
			return server;
		} catch (error) {
			await server.stop();
			throw error;
		}
	}

	private async answers(): Promise<boolean> {
		try {
			const { statusCode, body } = await request(`${this.url}/rest/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			await body.dump();
			return statusCode !== 404;
		} catch {
			return false;
		}
	}

	/** Whether n8n has each of these paths registered for POST (a CORS preflight; nothing runs). */
	private async registered(webhookPaths: readonly string[]): Promise<boolean> {
		for (const webhookPath of webhookPaths) {
			const { statusCode, headers, body } = await request(`${this.url}/webhook/${webhookPath}`, {
				method: 'OPTIONS',
				headers: { origin: this.url, 'access-control-request-method': 'POST' },
			});
			await body.dump();
			if (statusCode !== 204 || !String(headers['access-control-allow-methods'] ?? '').includes('POST')) return false;
		}
		return true;
	}

	private async logIn(): Promise<void> {
		const { statusCode, headers, body } = await request(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		const text = await body.text();
		const setCookie = [headers['set-cookie'] ?? []].flat();
		this.cookie = setCookie.map((cookie) => cookie.split(';')[0]).join('; ');
		if (statusCode !== 200 || this.cookie === '') throw new Error(`n8n's owner setup answered ${statusCode}: ${text.slice(0, 200)}`);
	}

	private async get(route: string): Promise<unknown> {
		const { statusCode, body } = await request(`${this.url}/rest/${route}`, { headers: { cookie: this.cookie } });
		const text = await body.text();
		if (statusCode !== 200) throw new Error(`GET /rest/${route} answered ${statusCode}: ${text.slice(0, 200)}`);
		return (JSON.parse(text) as { data: unknown }).data;
	}

	/** The ids of a workflow's executions, oldest first, once `count` of them have finished (at most 60 s). */
	async finishedExecutions(workflowId: string, count: number): Promise<string[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		for (let waited = 0; ; waited += 500) {
			const { results } = (await this.get(`executions?filter=${filter}&limit=100`)) as { results: Array<{ id: string; status: string }> };
			const finished = results.filter((execution) => FINISHED.has(execution.status));
			if (finished.length >= count || waited >= 60_000) return finished.map((execution) => String(execution.id)).sort((a, b) => Number(a) - Number(b));
			await sleep(500);
		}
	}

	async execution(id: string): Promise<SavedExecution> {
		const saved = (await this.get(`executions/${id}`)) as { id: string; status: string; data: string | object };
		const data = (typeof saved.data === 'string' ? this.flatted.parse(saved.data) : saved.data) as {
			resultData?: { runData?: Record<string, ExecuteNodeRun[]>; error?: { message?: string } };
		};
		return { id: String(saved.id), status: saved.status, error: data.resultData?.error?.message, runData: data.resultData?.runData ?? {} };
	}

	/** TERM, then KILL after 20 s; n8n stops its task runner itself. */
	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}
}
