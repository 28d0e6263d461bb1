/**
 * A local openapi2 gateway on loopback: real HTTP, real signature checks, a pool of logistics
 * records and faults on demand. Used by tests, the demo, the benchmark and `npm run mock`.
 * It imitates the gateway described in docs/PROTOCOL.md ("Request" to "logistics_sync_ack");
 * the parts live in the files next to this one.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { FaultQueue } from './faults';
import { handleRequest, type HandlerDeps } from './handler';
import { RateLimiter } from './rateLimiter';
import { LogisticsStore } from './store';
import { Sleeper } from './timers';
import type {
	Fault,
	FaultPlan,
	LedgerEntry,
	LogisticsRecord,
	MockAccount,
	MockGatewayOptions,
	RecordInput,
	RequestRecord,
} from './types';

export type * from './types';

export const DEFAULT_ACCOUNT: Readonly<MockAccount> = {
	sid: 'mock-sid',
	appKey: 'mock-appkey',
	appSecret: 'mock-secret',
};

export class MockGateway {
	readonly baseUrl: string;
	readonly port: number;
	private readonly sockets = new Set<Socket>();
	private readonly log: RequestRecord[] = [];
	private closing = false;

	private constructor(
		private readonly server: Server,
		private readonly store: LogisticsStore,
		private readonly faults: FaultQueue,
		private readonly limiter: RateLimiter,
		private readonly sleeper: Sleeper,
		private readonly accounts: Map<string, MockAccount>,
	) {
		const address = server.address();
		if (address === null || typeof address === 'string') throw new Error('not a TCP server');
		this.port = address.port;
		this.baseUrl = `http://127.0.0.1:${this.port}/openapi2/`;
	}

	static async start(options: MockGatewayOptions = {}): Promise<MockGateway> {
		const now = options.now ?? Date.now;
		const accounts = new Map(
			(options.accounts ?? [DEFAULT_ACCOUNT]).map((account) => [account.appKey, { ...account }]),
		);
		const server = createServer();
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		const gateway = new MockGateway(
			server,
			new LogisticsStore(now),
			new FaultQueue(),
			new RateLimiter(options.rateLimit),
			new Sleeper(),
			accounts,
		);
		gateway.listen(options, now);
		return gateway;
	}

	private listen(options: MockGatewayOptions, now: () => number): void {
		let counter = 0;
		const deps: HandlerDeps = {
			store: this.store,
			limiter: this.limiter,
			accounts: this.accounts,
			now,
			windowSeconds: options.timestampWindowSeconds ?? 300,
			omitEmptyErrors: options.omitEmptyErrors ?? false,
			faults: this.faults,
			sleeper: this.sleeper,
			shape: options,
			latencyMs: options.latencyMs ?? 0,
			log: this.log,
			nextNumber: () => ++counter,
			isClosing: () => this.closing,
			onRequest: options.onRequest,
		};
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.once('close', () => this.sockets.delete(socket));
		});
		this.server.on('request', (req, res) => {
			// A body that fails to arrive (client abort, oversize) just ends the connection.
			handleRequest(req, res, deps).catch(() => req.socket.destroy());
		});
	}

	/** Accepted acks, in order. Live: it grows as requests arrive. */
	get ledger(): readonly LedgerEntry[] {
		return this.store.ledger;
	}

	/** Every request received, in order of arrival. Live as well. */
	get requests(): readonly RequestRecord[] {
		return this.log;
	}

	pending(shopNo?: string): LogisticsRecord[] {
		return this.store.pending(shopNo);
	}

	addShop(shopNo: string): void {
		this.store.addShop(shopNo);
	}

	addPending(records: readonly RecordInput[]): LogisticsRecord[] {
		return this.store.addPending(records);
	}

	seedPending(
		count: number,
		options?: { shopNo?: string; firstRecId?: bigint | string | number },
	): LogisticsRecord[] {
		return this.store.seedPending(count, options);
	}

	/** Known records that are no longer waiting for an ack. */
	addAcknowledged(records: readonly RecordInput[]): LogisticsRecord[] {
		return this.store.addAcknowledged(records);
	}

	/** Pending records whose every ack is refused (`记录已锁定,暂不可更新`): they never leave the pool. */
	lockRecords(recIds: readonly string[]): void {
		this.store.lock(recIds);
	}

	/** Queues a fault for the next `times` (default 1) requests, of one API if given. */
	injectFault(fault: Fault, options?: { api?: string; times?: number }): void {
		this.faults.inject(fault, options);
	}

	/** Consulted for every request the queue has no fault for; undefined removes it. */
	setFaultPlan(plan: FaultPlan | undefined): void {
		this.faults.setPlan(plan);
	}

	setAccountDisabled(appKey: string, disabled: boolean): void {
		const account = this.accounts.get(appKey);
		if (account === undefined) throw new Error(`unknown appkey ${appKey}`);
		account.disabled = disabled;
	}

	/** Empties the store, ledger, request log, faults and rate counters; accounts stay. */
	reset(): void {
		this.store.reset();
		this.log.length = 0;
		this.faults.reset();
		this.limiter.reset();
	}

	/** Stops listening, releases delayed answers and destroys kept-alive sockets; never hangs. */
	async close(): Promise<void> {
		if (this.closing) return;
		this.closing = true;
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.sleeper.cancelAll();
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}
}
