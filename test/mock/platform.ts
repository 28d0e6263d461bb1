/**
 * A stand-in for the user's shop platform, the step between Get Pending and Acknowledge in the
 * sync loop example: `POST /api/shipments` with a JSON body `{ order_no, tracking_no, ... }`. It
 * refuses orders whose number ends in a digit of `refuseOrderDigits` (default 7) with HTTP 422 and
 * a Chinese reason, so the demo shows platform failures reported back with status 1.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlatformShipment {
	order_no?: string;
	tracking_no?: string;
	[key: string]: unknown;
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

export class MockPlatform {
	readonly received: PlatformShipment[] = [];

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(options: { refuseOrderDigits?: string } = {}): Promise<MockPlatform> {
		const refuse = options.refuseOrderDigits ?? '7';
		const server = createServer((req, res) => {
			void readJson(req).then((shipment) => {
				platform.received.push(shipment);
				const refused = refuse !== '' && refuse.includes(String(shipment.order_no ?? '').slice(-1));
				res.writeHead(refused ? 422 : 200, { 'content-type': 'application/json; charset=utf-8' });
				res.end(JSON.stringify(refused ? { message: '订单已关闭,无法回传运单号' } : { success: true }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const platform = new MockPlatform(server, `http://127.0.0.1:${port}/api/shipments`);
		return platform;
	}

	/** Stops listening and drops kept-alive connections: never waits for an idle client. */
	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
