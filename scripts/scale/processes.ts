/**
 * n8n processes for the scale run: each in its own process group (so a SIGKILL takes its children
 * too, as a machine or container dying would), its group id written to <pidsDir>/<name> (run.sh
 * gives <run folder>/pids) so that run.sh's exit trap can stop whatever is still running, whatever
 * became of this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class N8nProcess {
	private child: ChildProcess | undefined;
	private lines: Array<(line: string) => void> = [];
	private starts = 0;

	constructor(
		readonly name: string,
		private readonly bin: string,
		private readonly args: string[],
		private env: NodeJS.ProcessEnv,
		/** Where its logs go. */
		private readonly work: string,
		private readonly pidsDir: string,
	) {}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Called with every line the process prints on stdout, across restarts. */
	onLine(listener: (line: string) => void): void {
		this.lines.push(listener);
	}

	/**
	 * Starts it and resolves when a line matches `ready` (or rejects after `timeoutMs`). `env`
	 * replaces the environment from now on (a restart as a fresh container).
	 */
	async start(ready: RegExp, timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<void> {
		if (env) this.env = env;
		this.starts++;
		const log = createWriteStream(path.join(this.work, `${this.name}.${this.starts}.log`));
		const child = spawn(this.bin, this.args, { env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.child = child;
		mkdirSync(this.pidsDir, { recursive: true });
		writeFileSync(path.join(this.pidsDir, this.name), `${child.pid}\n`);
		child.stderr?.pipe(log);
		let buffered = '';
		let resolveReady: () => void = () => undefined;
		const isReady = new Promise<void>((resolve) => (resolveReady = resolve));
		child.stdout?.on('data', (chunk: Buffer) => {
			log.write(chunk);
			buffered += chunk.toString('utf8');
			const parts = buffered.split('\n');
			buffered = parts.pop() ?? '';
			for (const line of parts) {
				if (ready.test(line)) resolveReady();
				for (const listener of this.lines) listener(line);
			}
		});
		const exited = new Promise<never>((_, reject) =>
			child.once('exit', (code, signal) => reject(new Error(`${this.name} exited (${signal ?? code}) before it was ready; see ${this.name}.${this.starts}.log`))),
		);
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${this.name} not ready after ${timeoutMs / 1000} s`)), timeoutMs);
		});
		try {
			await Promise.race([isReady, exited, late]);
		} finally {
			clearTimeout(timer);
		}
		exited.catch(() => undefined);
	}

	/** SIGKILL to the whole group: no shutdown, no goodbye to Redis or Postgres. */
	kill(): void {
		const pid = this.child?.pid;
		if (pid === undefined) return;
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
		this.child = undefined;
	}

	/** SIGTERM to the group, SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		const child = this.child;
		const pid = child?.pid;
		if (child === undefined || pid === undefined) return;
		const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			// already gone
		}
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
		clearTimeout(timer);
		try {
			process.kill(-pid, 'SIGKILL'); // the group: children that outlived their parent
		} catch {
			// nothing left
		}
		this.child = undefined;
		rmSync(path.join(this.pidsDir, this.name), { force: true });
	}
}
