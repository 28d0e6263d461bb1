/**
 * Issue 6, statelessness: nothing is carried from one execution to another. Two executions with
 * different credentials and gateways, run at the same time, each talk only to their own gateway
 * and get only their own results; a refused credential or a rate limit in one does not touch the
 * other or the next; the node module loaded twice, and the same workflow run twice, agree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { createRegistry, getDefaultRegistry, runWorkflow, type HarnessRegistry } from '../harness';
import { MockGateway, type MockAccount } from '../mock/gateway';
import { ackWorkflow, NODE, NODE_TYPE } from '../workflow/ackWorkflow';
import { LOGISTICS_ACK } from '../workflow/operations';
import { secretLeaks, signsSeen } from './secretScan';
import { ackRequests, runAck, sentList, wdtAck, without, type AckRun } from './support';

jest.setTimeout(30_000);

const ALPHA: MockAccount = { sid: 'alpha-sid', appKey: 'alpha-key', appSecret: 'alpha-secret-1' };
const BETA: MockAccount = { sid: 'beta-sid', appKey: 'beta-key', appSecret: 'beta-secret-2' };
const small = { batchSize: 7, retries: 3, retryWait: 2, rateLimitWait: 0.01, timeout: 500 };

const gateways: MockGateway[] = [];
afterEach(async () => {
	await Promise.all(gateways.splice(0).map(async (gateway) => await gateway.close()));
});

async function start(account: MockAccount, firstRecId: number, latencyMs = 8): Promise<{ gateway: MockGateway; ids: string[]; times: number[] }> {
	const times: number[] = [];
	const gateway = await MockGateway.start({ accounts: [account], latencyMs, onRequest: () => times.push(Date.now()) });
	gateways.push(gateway);
	const ids = gateway.seedPending(40, { firstRecId }).map((record) => record.rec_id);
	return { gateway, ids, times };
}

const credentialsOf = (account: MockAccount) => ({ sid: account.sid, appKey: account.appKey, appSecret: account.appSecret });
const recIds = (items: INodeExecutionData[]) => items.map((item) => wdtAck(item, LOGISTICS_ACK).recId);
const asItems = (ids: readonly string[]) => ids.map((rec_id, i) => ({ rec_id, status: i % 2 }));

/** Every request the gateway saw came from `account` and named only `ids`. */
function expectOnly(gateway: MockGateway, account: MockAccount, ids: readonly string[]): void {
	const requests = ackRequests(gateway, LOGISTICS_ACK);
	expect(requests.length).toBeGreaterThan(0);
	for (const request of requests) {
		expect([request.params.sid, request.params.appkey]).toEqual([account.sid, account.appKey]);
		for (const record of sentList(request, LOGISTICS_ACK)) expect(ids).toContain(record.rec_id);
	}
}

test('two executions at once, different credentials and gateways: each talks only to its own', async () => {
	const alpha = await start(ALPHA, 100001);
	const beta = await start(BETA, 500001);
	const [a, b] = await Promise.all([
		runAck(LOGISTICS_ACK, alpha.gateway, asItems(alpha.ids), { credentials: credentialsOf(ALPHA), parameters: { options: small } }),
		runAck(LOGISTICS_ACK, beta.gateway, asItems(beta.ids), { credentials: credentialsOf(BETA), parameters: { options: small } }),
	]);
	// They really overlapped in time.
	expect(Math.max(alpha.times[0], beta.times[0])).toBeLessThan(Math.min(alpha.times[alpha.times.length - 1], beta.times[beta.times.length - 1]));
	expect([recIds(a.acknowledged), a.failed]).toEqual([alpha.ids, []]);
	expect([recIds(b.acknowledged), b.failed]).toEqual([beta.ids, []]);
	expectOnly(alpha.gateway, ALPHA, alpha.ids);
	expectOnly(beta.gateway, BETA, beta.ids);
	expect(alpha.gateway.ledger.map((entry) => entry.recId)).toEqual(alpha.ids);
	expect(beta.gateway.ledger.map((entry) => entry.recId)).toEqual(beta.ids);
	// Neither run carries its own secrets or signs, nor the other's.
	const secrets = [ALPHA.appSecret, BETA.appSecret, ...signsSeen(alpha.gateway, beta.gateway)];
	expect([...secretLeaks(a, secrets), ...secretLeaks(b, secrets)]).toEqual([]);
});

test('at the same time, a refused credential and a rate-limited gateway do not spill into the healthy execution', async () => {
	const refused = await start(ALPHA, 100001);
	const limited = await start(BETA, 500001);
	const healthy = await start({ sid: 'gamma-sid', appKey: 'gamma-key', appSecret: 'gamma-secret-3' }, 900001);
	limited.gateway.setFaultPlan(({ number }) => (number % 2 === 1 ? { kind: 'rate_limit' } : undefined));
	const [r, l, h] = await Promise.all([
		runAck(LOGISTICS_ACK, refused.gateway, asItems(refused.ids), { onError: 'continueRegularOutput', credentials: { ...credentialsOf(ALPHA), appSecret: 'not-it-0000' }, parameters: { options: small } }),
		runAck(LOGISTICS_ACK, limited.gateway, asItems(limited.ids), { onError: 'continueRegularOutput', credentials: credentialsOf(BETA), parameters: { options: small } }),
		runAck(LOGISTICS_ACK, healthy.gateway, asItems(healthy.ids), { credentials: { sid: 'gamma-sid', appKey: 'gamma-key', appSecret: 'gamma-secret-3' }, parameters: { options: small } }),
	]);
	expect([r.acknowledged.length, r.failed.length, ackRequests(refused.gateway, LOGISTICS_ACK).length]).toEqual([0, 40, 1]);
	expect([recIds(l.acknowledged), l.failed]).toEqual([limited.ids, []]);
	expect([recIds(h.acknowledged), h.failed]).toEqual([healthy.ids, []]);
	expect(ackRequests(healthy.gateway, LOGISTICS_ACK).length).toBe(Math.ceil(40 / small.batchSize));
});

test('a refused credential in one execution leaves nothing behind for the next one', async () => {
	const { gateway, ids } = await start(ALPHA, 100001, 0);
	const refused = await runAck(LOGISTICS_ACK, gateway, asItems(ids), { onError: 'continueRegularOutput', credentials: { ...credentialsOf(ALPHA), appSecret: 'not-it-0000' } });
	expect(refused.failed).toHaveLength(40);
	const next = await runAck(LOGISTICS_ACK, gateway, asItems(ids), { credentials: credentialsOf(ALPHA) });
	expect([recIds(next.acknowledged), next.failed]).toEqual([ids, []]);
});

/** A run's outputs, without what legitimately differs between runs. */
function comparable(run: AckRun) {
	return { status: run.result.status, acknowledged: run.acknowledged, failed: run.failed };
}

async function freshRun(registry?: HarnessRegistry): Promise<{ run: AckRun; params: IDataObject[] }> {
	const { gateway, ids } = await start(ALPHA, 100001, 0);
	gateway.addAcknowledged([{ rec_id: '777' }]);
	const items: IDataObject[] = [...asItems(ids), { rec_id: '777', status: 0 }, { rec_id: 'x', status: 0 }, { rec_id: '999', status: 1, message: '平台' }];
	const result = await runWorkflow({
		workflow: ackWorkflow(items, { onError: 'continueRegularOutput', parameters: { options: small } }),
		credentials: { wangdiantongApi: { environment: 'custom', baseUrl: gateway.baseUrl, ...credentialsOf(ALPHA) } },
		registry,
	});
	const [acknowledged = [], failed = []] = result.outputs(NODE);
	const params = ackRequests(gateway, LOGISTICS_ACK).map((request) => without(request.params, 'timestamp'));
	return { run: { result, acknowledged, failed, wallMs: 0 }, params };
}

test('the same workflow run twice gives identical results and identical requests', async () => {
	const first = await freshRun();
	const second = await freshRun();
	expect(comparable(second.run)).toEqual(comparable(first.run));
	expect(second.params).toEqual(first.params);
	// 777 was acknowledged before the run: Acknowledged as no longer pending, not refused.
	expect(first.run.failed.map((item) => wdtAck(item, LOGISTICS_ACK).reason)).toEqual(['invalid', 'rejected']);
	expect(first.run.acknowledged.filter((item) => wdtAck(item, LOGISTICS_ACK).noLongerPending).map((item) => wdtAck(item, LOGISTICS_ACK).recId)).toEqual(['777']);
});

test('the node module loaded twice: a fresh copy behaves exactly like the first, even side by side', async () => {
	let Fresh: (new () => INodeType) | undefined;
	await jest.isolateModulesAsync(async () => {
		Fresh = (await import('../../nodes/Wangdiantong/Wangdiantong.node')).Wangdiantong;
	});
	if (Fresh === undefined) throw new Error('the node module did not load');
	const original = getDefaultRegistry().getByName(NODE_TYPE) as INodeType;
	expect(Fresh).not.toBe(original.constructor);
	const registry = createRegistry();
	registry.addNodeType(NODE_TYPE, new Fresh());
	const descriptionBefore = JSON.stringify(original.description);

	const [viaOriginal, viaFresh] = await Promise.all([freshRun(), freshRun(registry)]);
	expect(comparable(viaFresh.run)).toEqual(comparable(viaOriginal.run));
	expect(viaFresh.params).toEqual(viaOriginal.params);
	// n8n reuses one node instance for every execution: running must not change it.
	expect(JSON.stringify(original.description)).toBe(descriptionBefore);
	// Its own fields are what it was built with: the description and the editor's field-mapping methods.
	expect(Object.keys(original)).toEqual(['description', 'methods']);
});

/** Top-level `let`/`var`, or a top-level collection that some code mutates: state kept between executions. */
function moduleStateIn(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const found = [...source.matchAll(/^(?:export )?(?:let|var) +(\w+)/gm)].map((match) => `let ${match[1]}`);
	for (const [, name] of source.matchAll(/^(?:export )?const +(\w+)\s*(?::[^=]+)?=\s*(?:new (?:Map|Set|WeakMap|Array)\b|\[|\{)/gm)) {
		if (new RegExp(`\\b${name}(?:\\.(?:add|set|push|pop|shift|unshift|splice|delete|clear)\\(|\\[[^\\]]+\\]\\s*=[^=])`).test(source)) found.push(`mutated ${name}`);
	}
	return found.map((what) => `${path.relative(process.cwd(), file)}: ${what}`);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
	});
}

test('no module of the node or credential keeps mutable state at module level', () => {
	const root = path.join(__dirname, '..', '..');
	const files = [...sourceFiles(path.join(root, 'nodes')), ...sourceFiles(path.join(root, 'credentials'))];
	expect(files.length).toBeGreaterThan(10);
	expect(files.flatMap(moduleStateIn)).toEqual([]);
});
