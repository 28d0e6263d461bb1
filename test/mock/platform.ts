/**
 * A stand-in for the user's shop platform, the step between Get Pending and Acknowledge in the
 * sync loop example: `POST /api/shipments` with a JSON body `{ order_no, tracking_no, ... }`.
 *
 * It refuses orders whose number ends in a digit listed in `refuseOrderDigits` (default 7) with
 * HTTP 422 and a Chinese reason, so the demo shows platform failures reported back with status 1.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface PlatformShipment {
	order_no?: string;
	tracking_no?: string;
	[key: string]: unknown;
}

export class MockPlatform {
	readonly received: PlatformShipment[] = [];
	private readonly sockets = new Set<Socket>();

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	static async start(options: { refuseOrderDigits?: string } = {}): Promise<MockPlatform> {
		const refuse = options.refuseOrderDigits ?? '7';
		const platformRef: { current?: MockPlatform } = {};
		const server = createServer((req, res) => {
			void readJson(req).then((shipment) => {
				platformRef.current?.received.push(shipment);
				const orderNo = String(shipment.order_no ?? '');
				const refused = refuse !== '' && refuse.includes(orderNo.slice(-1));
				res.writeHead(refused ? 422 : 200, { 'content-type': 'application/json; charset=utf-8' });
				res.end(JSON.stringify(refused ? { message: '订单已关闭,无法回传运单号' } : { success: true }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		platformRef.current = new MockPlatform(server, `http://127.0.0.1:${port}/api/shipments`);
		return platformRef.current;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

async function readJson(req: IncomingMessage): Promise<PlatformShipment> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	try {
		const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		return parsed && typeof parsed === 'object' ? (parsed as PlatformShipment) : {};
	} catch {
		return {};
	}
}
