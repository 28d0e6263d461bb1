/**
 * A stand-in for the user's shop platform, the step an example pushes each record to before it
 * acknowledges it: one JSON POST per push, answered HTTP 200 `{ success: true }`, or HTTP 422 with
 * a Chinese reason when the platform refuses it. Every push is kept in `received`, in order of
 * arrival, with when it came and whether it was refused (`answers`, aligned with `received`).
 *
 * Each example brings its own rule (`refusal`). The default is the sync loop example's: the
 * platform of `POST /api/shipments` with `{ order_no, tracking_no, ... }` refuses orders whose
 * number ends in a digit of `refuseOrderDigits` (default 7), so the demo shows platform failures
 * reported back with status 1. A rule that depends only on the push answers a repeated push as
 * it answered the first: the platform is idempotent, as a real one must be for an at-least-once
 * push.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlatformShipment {
	order_no?: string;
	tracking_no?: string;
	[key: string]: unknown;
}

export const ORDER_CLOSED = '订单已关闭,无法回传运单号';

export interface PlatformOptions<T> {
	/** Where the platform listens: 0 (the default) for a free port. */
	port?: number;
	/** The path the URL names, e.g. `/api/stock`; default `/api/shipments`. */
	path?: string;
	/** The reason to refuse a push, or undefined to take it. */
	refusal?: (push: T) => string | undefined;
	/** Called with each push the platform takes, before it answers: what the world does meanwhile (a sale, say). */
	onTaken?: (push: T) => void;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	try {
		const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
	} catch {
		// Unreadable JSON is kept as an empty push: the rule and the checks see a push without fields.
		return {};
	}
}

/** The sync loop example's rule: orders whose number ends in one of `digits` are closed. */
export function refuseOrdersEndingIn(digits = '7'): (push: PlatformShipment) => string | undefined {
	return (push) => (digits !== '' && digits.includes(String(push.order_no ?? '').slice(-1)) ? ORDER_CLOSED : undefined);
}

export class MockPlatform<T extends object = PlatformShipment> {
	readonly received: T[] = [];
	/** When each push of `received` arrived, and whether it was refused. */
	readonly answers: Array<{ atMs: number; refused: boolean }> = [];

	private constructor(
		private readonly server: ReturnType<typeof createServer>,
		readonly url: string,
	) {}

	static async start<T extends object = PlatformShipment>(
		options: PlatformOptions<T> & { refuseOrderDigits?: string } = {},
	): Promise<MockPlatform<T>> {
		const refusal =
			options.refusal ?? (refuseOrdersEndingIn(options.refuseOrderDigits) as unknown as (push: T) => string | undefined);
		const server = createServer((req, res) => {
			void readJson(req).then((body) => {
				const push = body as T;
				const reason = refusal(push);
				if (reason === undefined) options.onTaken?.(push);
				platform.received.push(push);
				platform.answers.push({ atMs: Date.now(), refused: reason !== undefined });
				res.writeHead(reason === undefined ? 200 : 422, { 'content-type': 'application/json; charset=utf-8' });
				res.end(JSON.stringify(reason === undefined ? { success: true } : { message: reason }));
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, '127.0.0.1', resolve);
		});
		const { port } = server.address() as AddressInfo;
		const platform = new MockPlatform<T>(server, `http://127.0.0.1:${port}${options.path ?? '/api/shipments'}`);
		return platform;
	}

	/** Stops listening and drops kept-alive connections: never waits for an idle client. */
	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
