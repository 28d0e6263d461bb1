/**
 * Parent side of the benchmark's mock gateway process (gatewayChild.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { MockGatewayOptions } from '../test/mock/types';
import type { LoopName } from './loops';
import type { PushName } from './pushes';
import type { TimelineEntry } from './rateLimit';

export interface GatewayStats {
	/** Records taken off the gateway's pools or saved: logistics acks, stock acks that cleared a change, pushed orders. */
	ledger: number;
	requests: number;
	rateLimited: number;
}

export class GatewayProcess {
	private nextId = 0;
	private readonly waiting = new Map<number, (body: Record<string, unknown>) => void>();
	baseUrl = '';

	private constructor(private readonly child: ChildProcess) {
		child.on('message', (message: { id: number } & Record<string, unknown>) => {
			this.waiting.get(message.id)?.(message);
			this.waiting.delete(message.id);
		});
	}

	static spawn(): GatewayProcess {
		const child = fork(path.join(__dirname, 'gatewayChild.ts'), [], {
			execArgv: ['-r', 'ts-node/register/transpile-only'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		return new GatewayProcess(child);
	}

	private async call(command: Record<string, unknown>): Promise<Record<string, unknown>> {
		const id = ++this.nextId;
		return await new Promise((resolve) => {
			this.waiting.set(id, resolve);
			this.child.send({ id, ...command });
		});
	}

	async start(options: MockGatewayOptions): Promise<void> {
		this.baseUrl = String((await this.call({ cmd: 'start', options })).baseUrl);
	}

	/** `count` records to acknowledge by item (their ids), or with `loop` waiting in its shop for its query (none). */
	async seed(count: number, loop?: LoopName): Promise<string[]> {
		return (await this.call({ cmd: 'seed', count, loop })).ids as string[];
	}

	/** `count` records the push will take (its shop made known), as the node's input items. */
	async pushRecords(count: number, push: PushName): Promise<IDataObject[]> {
		return (await this.call({ cmd: 'pushRecords', count, push })).items as IDataObject[];
	}

	/** Every request since the last reset or start, as answered, with the records each took. */
	async timeline(): Promise<TimelineEntry[]> {
		return (await this.call({ cmd: 'timeline' })).timeline as TimelineEntry[];
	}

	async stats(): Promise<GatewayStats> {
		return (await this.call({ cmd: 'stats' })) as unknown as GatewayStats;
	}

	async reset(): Promise<void> {
		await this.call({ cmd: 'reset' });
	}

	async close(): Promise<void> {
		await this.call({ cmd: 'close' });
	}
}
