/**
 * A stand-in for the user's shop platform in the stock-sync example (examples/stock-sync.workflow.json):
 * `POST /api/stock` with the JSON body the example's push node sends, `{ goods_id, spec_id, sku,
 * stock }`. It refuses SKUs (the ERP's spec_no) ending in `-3` with HTTP 422 and a Chinese reason,
 * so a run has both a "pushed" and a "refused" branch. The mock gateway seeds spec_nos ending in
 * -1 … -4 (test/mock/store.ts), so about a quarter are refused. With `refusing` false it takes
 * every SKU: the seller has fixed the listings.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StockPush {
	goods_id?: unknown;
	spec_id?: unknown;
	sku?: unknown;
	stock?: unknown;
}

/** Whether the platform refuses a SKU: the rule both this server and the checks go by. */
export const isRefusedSku = (sku: string): boolean => sku.endsWith('-3');
export const REFUSAL_REASON = '商品已下架,无法更新库存';

async function readJson(req: IncomingMessage): Promise<StockPush> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	try {
		const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		return parsed && typeof parsed === 'object' ? (parsed as StockPush) : {};
	} catch {
		// Unreadable JSON is kept as an empty push: the checks then see a push without a SKU.
		return {};
	}
}

export class StockPlatform {
	/** Every push received, in order. */
	readonly received: StockPush[] = [];
	/** Whether SKUs ending in -3 are refused (a push without a SKU always is). */
	refusing = true;

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(): Promise<StockPlatform> {
		const server = createServer((req, res) => {
			void readJson(req).then((push) => {
				platform.received.push(push);
				const refused = typeof push.sku !== 'string' || (platform.refusing && isRefusedSku(push.sku));
				res.writeHead(refused ? 422 : 200, { 'content-type': 'application/json; charset=utf-8' });
				res.end(JSON.stringify(refused ? { message: REFUSAL_REASON } : { success: true }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const platform = new StockPlatform(server, `http://127.0.0.1:${port}/api/stock`);
		return platform;
	}

	/** Stops listening and drops kept-alive connections: never waits for an idle client. */
	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
