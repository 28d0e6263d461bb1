/**
 * The mock gateway in its own process, so that its CPU (parsing, verifying, ledgering) is not
 * counted as the client's. Driven over IPC by gateway.ts.
 */
import { MockGateway } from '../test/mock/gateway';
import type { MockGatewayOptions } from '../test/mock/types';

type Command =
	| { id: number; cmd: 'start'; options: MockGatewayOptions }
	| { id: number; cmd: 'seed'; count: number }
	| { id: number; cmd: 'stats' }
	| { id: number; cmd: 'reset' }
	| { id: number; cmd: 'close' };

let gateway: MockGateway | undefined;

function reply(id: number, body: Record<string, unknown>): void {
	process.send?.({ id, ...body });
}

process.on('message', (message: Command) => {
	void (async () => {
		switch (message.cmd) {
			case 'start':
				await gateway?.close();
				gateway = await MockGateway.start({ ...message.options, onRequest: undefined });
				return reply(message.id, { baseUrl: gateway.baseUrl });
			case 'seed':
				return reply(message.id, { ids: gateway?.seedPending(message.count).map((r) => r.rec_id) ?? [] });
			case 'stats':
				return reply(message.id, {
					ledger: gateway?.ledger.length ?? 0,
					requests: gateway?.requests.length ?? 0,
					rateLimited: gateway?.requests.filter((r) => r.code === 1012).length ?? 0,
				});
			case 'reset':
				gateway?.reset();
				return reply(message.id, {});
			case 'close':
				await gateway?.close();
				reply(message.id, {});
				process.exit(0);
		}
	})();
});
