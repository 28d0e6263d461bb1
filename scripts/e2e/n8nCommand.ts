/**
 * One n8n CLI command from an e2e check that runs in its own process (stuckLoop.ts,
 * stockSync.ts): at most 5 minutes, its stdout kept in <dir>/<label>.out and stderr in .err.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
