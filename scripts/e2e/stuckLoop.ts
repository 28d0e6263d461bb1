/**
 * The sync loop example in the real n8n when the ERP keeps refusing some records (run by run.sh
 * after the main checks, with n8n's settings exported):
 *
 *   ts-node --transpile-only scripts/e2e/stuckLoop.ts <work-dir> <n8n-bin>
 *
 * Its own mock gateway (150 pending records in a shop of their own, 2 of them locked: the ERP
 * answers "not pending" for them, round after round) and mock shop platform, in this process; a
 * credential and the example (loopCheck.ts's copy, under its own ids) imported with n8n's CLI,
 * then `n8n execute`. Checks that the loop ends by itself, the refused records reach the notify
 * branch once each and stay pending, everything else is acknowledged once, and nobody is pushed
 * to the platform twice: n8n's Code node ends the loop, our Get Pending never returns a record
 * twice in one execution. Prints one line per check; exits 1 on any failure.
 */
import { MockGateway } from '../../test/mock/gateway';
import { MockPlatform } from '../../test/mock/platform';
import { importWorkflow, n8nCommand, printChecks, runCheck, type Check } from './checkProcess';
import { parseExecuteOutput } from './executeOutput';
import { loopWorkflow } from './loopCheck';

const SHOP = 'e2e-stuck-shop';
const CREDENTIAL = { id: 'wdt-stuck', name: 'Wangdiantong mock gateway (stuck records)' };
const WORKFLOW_ID = 'wdtE2eStuckLoop'; // n8n 1.x: at most 16 characters
const GET_PENDING = 'Get pending records';
const NOTIFY = 'REPLACE ME: notify about records the ERP refused';

const n8n = async (n8nBin: string, dir: string, label: string, args: string[]): Promise<string> =>
	await n8nCommand(n8nBin, dir, `stuck-${label}`, args);

async function main(): Promise<boolean> {
	const [dir, n8nBin] = process.argv.slice(2);
	if (!dir || !n8nBin) throw new Error('usage: stuckLoop.ts <work-dir> <n8n-bin>');
	const gateway = await MockGateway.start();
	const platform = await MockPlatform.start();
	try {
		const ids = gateway.seedPending(150, { shopNo: SHOP }).map((record) => record.rec_id);
		const stuck = [ids[3], ids[120]];
		gateway.lockRecords(stuck);

		const workflow = { ...loopWorkflow({ platformUrl: platform.url }, SHOP), id: WORKFLOW_ID, name: 'Sync loop, stuck records' };
		await importWorkflow(n8nBin, dir, 'stuck', { credential: CREDENTIAL, baseUrl: gateway.baseUrl, workflows: [workflow] });
		const run = parseExecuteOutput(await n8n(n8nBin, dir, 'execute', ['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']));

		const runData = run.data?.resultData?.runData ?? {};
		const returned = (runData[GET_PENDING] ?? []).map((nodeRun) => nodeRun.data?.main?.[0]?.length ?? 0);
		const notified = (runData[NOTIFY] ?? []).flatMap((nodeRun) => nodeRun.data?.main?.[0] ?? []);
		const notifiedIds = notified.map((item) => String(item.json.wdtAck?.recId));
		const sorted = (list: string[]) => JSON.stringify([...list].sort());
		const checks: Check[] = [
			[!run.data?.resultData?.error, 'the workflow ran without error', String(run.data?.resultData?.error?.message)],
			[
				JSON.stringify(returned) === '[100,50,0]',
				`"${GET_PENDING}" ran 3 rounds (100, 50, then none new): the loop ended by itself`,
				`returned per round: ${JSON.stringify(returned)}`,
			],
			[
				sorted(notifiedIds) === sorted(stuck) && notified.every((item) => item.json.wdtAck?.reason === 'rejected'),
				`"${NOTIFY}" received the 2 refused records, once each, as rejected`,
				JSON.stringify(notified.map((item) => item.json.wdtAck)),
			],
			[sorted(gateway.pending(SHOP).map((record) => record.rec_id)) === sorted(stuck), 'the refused records are still pending', JSON.stringify(gateway.pending(SHOP))],
			[
				gateway.ledger.length === 148 && new Set(gateway.ledger.map((entry) => entry.recId)).size === 148,
				'the gateway recorded the other 148 records, each once',
				`${gateway.ledger.length} acknowledgements`,
			],
			[platform.received.length === 150, 'the shop platform received 150 shipments: nobody was pushed twice', `it received ${platform.received.length}`],
		];
		return printChecks('Sync loop with records the ERP keeps refusing (stuckLoop.ts):', 'stuck records', checks);
	} finally {
		await Promise.all([gateway.close(), platform.close()]);
	}
}

runCheck('stuck records', main);
