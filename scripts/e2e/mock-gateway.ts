/**
 * The mock openapi2 gateway for the end-to-end run (scripts/e2e/run.sh), as a separate process
 * that lives while n8n runs the example workflow.
 *
 *   ts-node --transpile-only scripts/e2e/mock-gateway.ts <state-file>
 *
 * Listens on a free loopback port, seeds the 6 pending records the acknowledge example sends
 * (rec_id 100001–100006) and 230 more in shop `e2e-loop-shop` for the sync loop example, starts
 * the mock shop platform the loop pushes to, and keeps <state-file> up to date: after start and
 * after every gateway request it rewrites it (atomically, via rename) with the base URL, the
 * platform's URL and how many shipments it received, the ledger of accepted acks, a summary of
 * each request and the records still pending. run.sh waits for the file to appear to learn the
 * base URL, and reads the ledger from it after n8n is done: no second channel to the process is
 * needed, and the file stays readable after the process is stopped.
 *
 * Stops on SIGTERM/SIGINT (run.sh's exit trap) after a last write of the state.
 */
import { renameSync, writeFileSync } from 'node:fs';

import { MockGateway } from '../../test/mock/gateway';
import { MockPlatform } from '../../test/mock/platform';

const SEEDED = 6;
const LOOP_SHOP = 'e2e-loop-shop';
const LOOP_RECORDS = 230;

async function main(): Promise<void> {
	const stateFile = process.argv[2];
	if (!stateFile) throw new Error('usage: mock-gateway.ts <state-file>');

	const platform = await MockPlatform.start();
	let loopRecords: string[] = [];
	const writeState = (gateway: MockGateway): void => {
		const state = {
			pid: process.pid,
			baseUrl: gateway.baseUrl,
			platformUrl: platform.url,
			platformReceived: platform.received.length,
			loopShop: LOOP_SHOP,
			loopRecords,
			ledger: gateway.ledger,
			requests: gateway.requests.map((r) => ({
				number: r.number,
				api: r.api,
				outcome: r.outcome,
				code: r.code,
				httpStatus: r.httpStatus,
				shopNo: r.params.shop_no,
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
	loopRecords = gateway.seedPending(LOOP_RECORDS, { shopNo: LOOP_SHOP }).map((r) => r.rec_id);
	writeState(gateway);
	console.log(`mock gateway: listening at ${gateway.baseUrl} (pid ${process.pid}), ${SEEDED} + ${LOOP_RECORDS} pending records; shop platform at ${platform.url}`);

	const stop = (signal: string): void => {
		writeState(gateway);
		console.log(`mock gateway: ${signal}, stopping after ${gateway.ledger.length} accepted ack(s)`);
		Promise.all([gateway.close(), platform.close()]).then(
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
