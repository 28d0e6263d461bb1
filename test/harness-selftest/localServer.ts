// A throw-away HTTP server on 127.0.0.1 (random port) that records what it receives, so tests
// can see exactly what n8n's request helpers sent (headers added by `authenticate`, bodies...).
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export type Route = (request: RecordedRequest) => { status: number; body: unknown };

export interface LocalServer {
	baseUrl: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	return Buffer.concat(chunks).toString('utf8');
}

/** Routes are matched on the path without query string; unknown paths answer 404. */
export async function startLocalServer(routes: Record<string, Route>): Promise<LocalServer> {
	const requests: RecordedRequest[] = [];
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		void readBody(request).then((body) => {
			const recorded: RecordedRequest = {
				method: request.method ?? '',
				url: request.url ?? '',
				headers: request.headers,
				body,
			};
			requests.push(recorded);
			const route = routes[recorded.url.split('?')[0]];
			const { status, body: answer } = route
				? route(recorded)
				: { status: 404, body: { message: 'Not found' } };
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(answer));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			// Keep-alive sockets from the HTTP client would otherwise hold the server open.
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			);
		},
	};
}
