/**
 * The shop platform the sync loop pushes tracking numbers to, with its own ledger: every push it
 * received, in order. `POST /api/shipments` with `{ order_no, tracking_no, ... }`; an order whose
 * number ends in 7 is refused (HTTP 422 and a Chinese reason, as test/mock/platform.ts does), so
 * some records go back to the ERP with status 1.
 *
 * The push is at-least-once (a worker that dies between the push and the ack leaves the record
 * pending, and the next round pushes it again), so the platform is idempotent on the tracking
 * number: a second push of one it already has is answered as the first was, and counted.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface Push {
	/** Order of arrival, 1-based. */
	seq: number;
	atMs: number;
	orderNo: string;
	trackingNo: string;
	accepted: boolean;
	/** This tracking number had been pushed before. */
	repeat: boolean;
}

export const refusesOrder = (orderNo: string): boolean => orderNo.endsWith('7');

export class ScalePlatform {
	readonly pushes: Push[] = [];
	private readonly seen = new Set<string>();
	private readonly sockets = new Set<Socket>();

	private constructor(private readonly server: Server) {}

	static async start(port: number): Promise<ScalePlatform> {
		const server = createServer();
		const platform = new ScalePlatform(server);
		server.on('connection', (socket) => {
			platform.sockets.add(socket);
			socket.on('close', () => platform.sockets.delete(socket));
		});
		server.on('request', (req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				let body: Record<string, unknown> = {};
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
				} catch {
					// an unreadable body is refused below like an unknown order
				}
				const orderNo = String(body.order_no ?? '');
				const trackingNo = String(body.tracking_no ?? '');
				const accepted = orderNo !== '' && !refusesOrder(orderNo);
				const repeat = platform.seen.has(trackingNo);
				platform.seen.add(trackingNo);
				platform.pushes.push({ seq: platform.pushes.length + 1, atMs: Date.now(), orderNo, trackingNo, accepted, repeat });
				res.writeHead(accepted ? 200 : 422, { 'content-type': 'application/json; charset=utf-8' });
				res.end(JSON.stringify(accepted ? { success: true, duplicate: repeat } : { message: '订单已关闭,无法回传运单号' }));
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve());
		});
		return platform;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
