/**
 * Helpers for the end-to-end run in a real n8n (scripts/e2e/run.sh). Two subcommands:
 *
 *   ts-node --transpile-only scripts/e2e/helpers.ts fixtures <dir> <mock-state-file>
 *     Writes <dir>/credentials.json (for `n8n import:credentials`) and, in <dir>/workflows, the
 *     acknowledge example and the sync loop example (loopCheck.ts) for `n8n import:workflow
 *     --separate`; prints their ids, in that order, on one line.
 *
 *   ts-node --transpile-only scripts/e2e/helpers.ts check <ack-stdout> <loop-stdout> <mock-state-file>
 *     Reads what the two `n8n execute --rawOutput` printed and the mock gateway's ledger, prints
 *     one line per check and a PASS/FAIL summary; exits 1 on any failure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { readState, type MockState } from '../../test/mock/cli';
import { DEFAULT_ACCOUNT } from '../../test/mock/gateway';
import { parseExecuteOutput, type ExecuteItem as Item, type ExecuteRun as RunOutput } from './executeOutput';
import { checkLoop, LOOP_WORKFLOW_ID, loopRecords, loopWorkflow } from './loopCheck';

const REPO = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(REPO, 'examples', 'acknowledge.workflow.json');
const ACK_NODE = 'Acknowledge to ERP';
/** The credential id the example workflow refers to. */
const CREDENTIAL_ID = 'wdt-mock';
/** n8n 1.x treats workflow ids of at most 16 characters as valid (utils.isWorkflowIdValid). */
const WORKFLOW_ID = 'wdtE2eAckExample';

const ACKNOWLEDGED = ['100001', '100002', '100003', '100004', '100005', '100006'];
/** The statuses the example sends (0 / 'success' → 0, 1 / 'failed' → 1), as the ledger must hold them. */
const LEDGER_STATUS: Record<string, number> = {
	'100001': 0,
	'100002': 0,
	'100003': 0,
	'100004': 1,
	'100005': 1,
	'100006': 0,
};
const FAILED: Array<[string, string]> = [
	['999999', 'rejected'],
	['TRK-7', 'invalid'],
];

function fixtures(dir: string, stateFile: string): void {
	const state = readState(stateFile);
	const { baseUrl } = state;
	// n8n 1.x `import:credentials` reads an array; `data` given as an object is encrypted with
	// N8N_ENCRYPTION_KEY on import (a string would be taken as already encrypted).
	const credentials = [
		{
			id: CREDENTIAL_ID,
			name: 'Wangdiantong mock gateway',
			type: 'wangdiantongApi',
			data: { environment: 'custom', baseUrl, ...DEFAULT_ACCOUNT },
		},
	];
	writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials, null, 2) + '\n');

	// `import:workflow` takes the workflow as exported; without an id it would make one up and we
	// could not name it to `execute --id`. The example itself stays as users download it.
	const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
	mkdirSync(path.join(dir, 'workflows'), { recursive: true });
	writeFileSync(path.join(dir, 'workflows', 'acknowledge.json'), JSON.stringify({ ...workflow, id: WORKFLOW_ID, active: false }, null, 2) + '\n');
	writeFileSync(path.join(dir, 'workflows', 'sync-loop.json'), JSON.stringify(loopWorkflow(state), null, 2) + '\n');
	console.log(`${WORKFLOW_ID} ${LOOP_WORKFLOW_ID}`);
}

function check(outputFile: string, loopOutputFile: string, stateFile: string): boolean {
	const results: Array<{ ok: boolean; what: string; detail?: string }> = [];
	const expect = (ok: boolean, what: string, detail?: string): boolean => {
		results.push({ ok, what, detail: ok ? undefined : detail });
		return ok;
	};

	let run: RunOutput | undefined;
	try {
		run = parseExecuteOutput(readFileSync(outputFile, 'utf8'));
	} catch (error) {
		expect(false, 'n8n execute printed the run as JSON', String(error));
	}

	if (run) {
		const error = run.data?.resultData?.error;
		expect(!error, 'the workflow ran without error', error?.message);
		expect(run.status === 'success' || run.finished === true, 'the execution finished with status success', `status ${String(run.status)}`);

		const runData = run.data?.resultData?.runData ?? {};
		const ackRuns = runData[ACK_NODE] ?? [];
		if (expect(ackRuns.length === 1, `"${ACK_NODE}" ran once`, `it ran ${ackRuns.length} time(s)`)) {
			const [nodeRun] = ackRuns;
			expect(!nodeRun.error, `"${ACK_NODE}" reported no error`, nodeRun.error?.message);
			const [acknowledged = [], failed = []] = nodeRun.data?.main ?? [];
			const ids = (items: Item[] | null) => (items ?? []).map((item) => String(item.json.rec_id));
			const show = (item: Item) => {
				const { recId, status, message, reason, error } = item.json.wdtAck ?? {};
				const rest = reason === undefined ? `status ${String(status)}  ${String(message ?? '')}` : `${String(reason)}: ${String(error)}`;
				return `    rec_id ${String(item.json.rec_id).padEnd(8)} wdtAck.recId ${String(recId ?? '-').padEnd(8)} ${rest}`;
			};
			console.log(`"${ACK_NODE}" output 0, Acknowledged (${acknowledged?.length ?? 0}):`);
			(acknowledged ?? []).forEach((item) => console.log(show(item)));
			console.log(`"${ACK_NODE}" output 1, Failed (${failed?.length ?? 0}):`);
			(failed ?? []).forEach((item) => console.log(show(item)));

			expect(
				JSON.stringify(ids(acknowledged)) === JSON.stringify(ACKNOWLEDGED),
				`output 0 (Acknowledged) holds 6 items, rec_id ${ACKNOWLEDGED[0]}–${ACKNOWLEDGED[5]}`,
				`got ${JSON.stringify(ids(acknowledged))}`,
			);
			expect(
				(acknowledged ?? []).every(
					(item) => item.json.wdtAck !== undefined && String(item.json.wdtAck.recId) === String(item.json.rec_id) && item.json.wdtAck.reason === undefined,
				),
				'each acknowledged item has wdtAck { recId, status } and no failure reason',
				JSON.stringify((acknowledged ?? []).map((item) => item.json.wdtAck)),
			);
			const failedPairs = (failed ?? []).map((item) => [String(item.json.rec_id), String(item.json.wdtAck?.reason)]);
			expect(
				JSON.stringify(failedPairs) === JSON.stringify(FAILED),
				'output 1 (Failed) holds 2 items: 999999 rejected, TRK-7 invalid',
				`got ${JSON.stringify(failedPairs)}`,
			);
			expect(
				(failed ?? []).every((item) => typeof item.json.wdtAck?.error === 'string'),
				'each failed item has wdtAck { reason, error }',
				JSON.stringify((failed ?? []).map((item) => item.json.wdtAck)),
			);
		}
		const received = (name: string) => runData[name]?.[0]?.data?.main?.[0]?.length ?? 0;
		expect(received('Acknowledged') === 6, 'the "Acknowledged" branch received 6 items', `it received ${received('Acknowledged')}`);
		expect(
			received('Failed: alert or retry') === 2,
			'the "Failed: alert or retry" branch received 2 items',
			`it received ${received('Failed: alert or retry')}`,
		);
	}

	let state: MockState | undefined;
	try {
		state = readState(stateFile);
	} catch (error) {
		expect(false, "the mock gateway's ledger could be read", String(error));
	}
	if (state) {
		// The example's own records: all but the sync loop's (checked in loopCheck.ts).
		const loopSet = new Set(loopRecords(state));
		const exampleLedger = state.ledger.filter((entry) => !loopSet.has(entry.recId));
		const ledgerIds = exampleLedger.map((entry) => entry.recId).sort();
		expect(
			JSON.stringify(ledgerIds) === JSON.stringify(ACKNOWLEDGED),
			'the mock gateway recorded exactly 6 acknowledgements, one per record 100001–100006',
			`ledger: ${JSON.stringify(exampleLedger)}`,
		);
		expect(
			exampleLedger.every((entry) => LEDGER_STATUS[entry.recId] === entry.status),
			'each acknowledgement carries the status the workflow sent (0 synced, 1 failed)',
			`ledger: ${JSON.stringify(exampleLedger.map((entry) => [entry.recId, entry.status]))}`,
		);
		try {
			checkLoop(parseExecuteOutput(readFileSync(loopOutputFile, 'utf8')), state, expect);
		} catch (error) {
			expect(false, 'sync loop: n8n execute printed the run as JSON', String(error));
		}
		expect(state.pending.length === 0, 'no record is left pending at the gateway', `pending: ${JSON.stringify(state.pending)}`);
		const acks = state.requests.filter((r) => r.api === 'logistics_sync_ack');
		console.log(
			`mock gateway: ${state.requests.length} request(s), ${acks.length} to logistics_sync_ack ` +
				`(${acks.map((r) => `#${r.number} ${r.outcome}${r.code === undefined ? '' : ` code ${r.code}`}`).join(', ')})`,
		);
	}

	for (const { ok, what, detail } of results) {
		console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}${detail ? `\n          ${detail}` : ''}`);
	}
	const failedCount = results.filter((r) => !r.ok).length;
	console.log(`${results.length - failedCount} passed, ${failedCount} failed`);
	return failedCount === 0;
}

function main(): void {
	const [command, ...args] = process.argv.slice(2);
	if (command === 'fixtures' && args.length === 2) return fixtures(args[0], args[1]);
	if (command === 'check' && args.length === 3) {
		if (!check(args[0], args[1], args[2])) process.exitCode = 1;
		return;
	}
	console.error('usage: helpers.ts fixtures <dir> <mock-state-file> | check <ack-stdout> <loop-stdout> <mock-state-file>');
	process.exitCode = 2;
}

main();
