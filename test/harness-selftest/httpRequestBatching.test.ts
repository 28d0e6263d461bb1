// The HTTP Request stand-in paces requests as n8n's real node does (HttpRequestV3: it sleeps
// `batchInterval` before each batch of `batchSize` items but never waits for an answer). The
// benchmark's do-it-yourself rows depend on it: a stand-in that waited would flatter them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { chain, code, node, trigger } from './workflows';

/** A server that answers nobody until `expected` requests are waiting: proof they overlapped. */
async function gateServer(expected: number): Promise<{ baseUrl: string; mostWaiting: () => number; close: () => Promise<void> }> {
	const waiting: ServerResponse[] = [];
	let mostWaiting = 0;
	const server = createServer((request: IncomingMessage, response: ServerResponse) => {
		request.resume();
		request.on('end', () => {
			waiting.push(response);
			mostWaiting = Math.max(mostWaiting, waiting.length);
			if (waiting.length >= expected) waiting.splice(0).forEach((r) => r.end('{"ok":true}'));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	// Not gated for ever: after 1.5 s answer whoever waits, so a stand-in that waits for answers fails the assertion, not the timeout.
	const release = setInterval(() => waiting.splice(0).forEach((r) => r.end('{"ok":true}')), 1500);
	return {
		baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		mostWaiting: () => mostWaiting,
		close: async () => {
			clearInterval(release);
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

const post = (url: string, options: INodeParameters) =>
	node('Send', 'n8n-nodes-base.httpRequest', { method: 'POST', url, sendBody: true, contentType: 'raw', rawContentType: 'text/plain', body: '={{ $json.n }}', options }, { typeVersion: 4.2 });

const threeItems = code('Three items', 'return [1, 2, 3].map((n) => ({ json: { n } }));');

test('with Batching of 1 request per 10 ms, a request starts before the previous one is answered', async () => {
	const server = await gateServer(3);
	try {
		const result = await runWorkflow({ workflow: chain(trigger(), threeItems, post(`${server.baseUrl}/`, { batching: { batch: { batchSize: 1, batchInterval: 10 } } })) });
		expect(result.status).toBe('success');
		expect(server.mostWaiting()).toBe(3);
		expect(result.outputs('Send')[0].map((item) => item.json)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
	} finally {
		await server.close();
	}
});

test('without Batching, every request starts at once', async () => {
	const server = await gateServer(3);
	try {
		const result = await runWorkflow({ workflow: chain(trigger(), threeItems, post(`${server.baseUrl}/`, {})) });
		expect(result.status).toBe('success');
		expect(server.mostWaiting()).toBe(3);
	} finally {
		await server.close();
	}
});
