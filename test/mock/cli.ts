/**
 * `npm run mock`: a local gateway to try workflows without an ERP account.
 * PORT (default 8780) and RECORDS (default 120 pending records for shop `demo-shop`) are read from
 * the environment. Prints what to enter in n8n's credentials, then one line per request received.
 */
import { DEFAULT_ACCOUNT, MockGateway } from './gateway';
import type { RequestRecord } from './types';

const SHOP = 'demo-shop';

function describe(record: RequestRecord): string {
	const parts = [`#${record.number}`, record.api, record.outcome];
	if (record.code !== undefined) parts.push(`code=${record.code}`);
	if (record.httpStatus !== undefined && record.httpStatus !== 200) {
		parts.push(`http=${record.httpStatus}`);
	}
	if (record.fault) parts.push(`fault=${record.fault.kind}`);
	if (record.queryKeys.length > 0) parts.push(`query=${record.queryKeys.join(',')}`);
	return parts.join(' ');
}

async function main(): Promise<void> {
	const port = Number(process.env.PORT ?? 8780);
	const count = Number(process.env.RECORDS ?? 120);
	const gateway = await MockGateway.start({
		port,
		onRequest: (record) => {
			const left = gateway.pending(SHOP).length;
			console.log(`${new Date().toISOString()} ${describe(record)} (pending ${left})`);
		},
	});
	gateway.seedPending(count, { shopNo: SHOP });

	console.log(`Mock openapi2 gateway listening at ${gateway.baseUrl}`);
	console.log('Wangdiantong credentials to enter in n8n:');
	console.log('  Environment: custom');
	console.log(`  Base URL:    ${gateway.baseUrl}`);
	console.log(`  Sid:         ${DEFAULT_ACCOUNT.sid}`);
	console.log(`  Appkey:      ${DEFAULT_ACCOUNT.appKey}`);
	console.log(`  Appsecret:   ${DEFAULT_ACCOUNT.appSecret}`);
	console.log(`Seeded ${count} pending records for shop "${SHOP}". Ctrl+C to stop.`);

	const stop = (signal: string): void => {
		console.log(`\n${signal}: closing after ${gateway.ledger.length} accepted acks.`);
		gateway.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
