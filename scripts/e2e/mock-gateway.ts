/**
 * The mock openapi2 gateway for the end-to-end run (scripts/e2e/run.sh), as a separate process
 * that lives while n8n runs the example workflow.
 *
 *   ts-node --transpile-only scripts/e2e/mock-gateway.ts <state-file>
 *
 * Listens on a free loopback port, seeds the 6 pending records the example acknowledges
 * (rec_id 100001–100006), and keeps <state-file> up to date: after start and after every request
 * it rewrites it (atomically, via rename) with the base URL, the ledger of accepted acks, a summary
 * of each request and the records still pending. run.sh waits for the file to appear to learn the
 * base URL, and reads the ledger from it after n8n is done: no second channel to the process is
 * needed, and the file stays readable after the process is stopped.
 *
 * Stops on SIGTERM/SIGINT (run.sh's exit trap) after a last write of the state.
 */
import { renameSync, writeFileSync } from 'node:fs';

import { MockGateway } from '../../test/mock/gateway';

const SEEDED = 6;

async function main(): Promise<void> {
	const stateFile = process.argv[2];
	if (!stateFile) throw new Error('usage: mock-gateway.ts <state-file>');

	const writeState = (gateway: MockGateway): void => {
		const state = {
			pid: process.pid,
			baseUrl: gateway.baseUrl,
			ledger: gateway.ledger,
			requests: gateway.requests.map((r) => ({
				number: r.number,
				api: r.api,
				outcome: r.outcome,
				code: r.code,
				httpStatus: r.httpStatus,
			})),
			pending: gateway.pending().map((r) => r.rec_id),
		};
		const temp = `${stateFile}.tmp`;
		writeFileSync(temp, JSON.stringify(state, null, 2) + '\n');
		renameSync(temp, stateFile);
	};

	// Nobody knows the port before start() resolves, so no request can come before `gateway` is set.
	const gateway: MockGateway = await MockGateway.start({ port: 0, onRequest: () => writeState(gateway) });
	gateway.seedPending(SEEDED); // rec_id 100001–100006, the ids the example workflow sends
	writeState(gateway);
	console.log(`mock gateway: listening at ${gateway.baseUrl} (pid ${process.pid}), ${SEEDED} pending records`);

	const stop = (signal: string): void => {
		writeState(gateway);
		console.log(`mock gateway: ${signal}, stopping after ${gateway.ledger.length} accepted ack(s)`);
		gateway.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGTERM', () => stop('SIGTERM'));
	process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
