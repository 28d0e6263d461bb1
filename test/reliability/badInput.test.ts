/**
 * Issue 6, bad input: items whose rec_id / status / message are any JSON value at all. Through n8n's
 * engine the node never crashes, never sends an invalid record (checked on what the gateway
 * received), sends exactly the valid ones, and says which field was wrong for the others.
 */
import type { IDataObject } from 'n8n-workflow';

import { MockGateway } from '../mock/gateway';
import { RECORD_NOT_FOUND } from '../mock/messages';
import { badItems, invalidField, messageOf, statusOf, type BadItem, type Field } from './badItems';
import { mulberry32, seeds } from './prng';
import { secretLeaks, signsSeen } from './secretScan';
import {
	ackRequests,
	canonical,
	nodeErrorText,
	pairedIndex,
	partitionProblems,
	runAck,
	sentList,
	wdtAck,
	without,
	type AckRun,
} from './support';

jest.setTimeout(60_000);

let gateway: MockGateway;
beforeEach(async () => {
	gateway = await MockGateway.start();
});
afterEach(async () => await gateway.close());

type Expectation =
	| { sent: false; field: Field }
	| { sent: true; recId: string; status: 0 | 1; message?: string; truncated: boolean; pending: boolean };

/** What must become of each item, read independently of the node's code. */
function expectations(items: readonly BadItem[], pending: ReadonlySet<string>): Expectation[] {
	const seen = new Set<string>();
	return items.map((item): Expectation => {
		const field = invalidField(item.recId, item.status, item.message);
		if (field !== undefined) return { sent: false, field };
		const recId = typeof item.recId === 'number' ? String(item.recId) : String(item.recId).trim();
		if (seen.has(canonical(recId))) return { sent: false, field: 'rec_id' }; // acknowledged once per run
		seen.add(canonical(recId));
		const message = messageOf(item.message);
		const truncated = message !== undefined && message !== String(item.message);
		return { sent: true, recId, status: statusOf(item.status), message, truncated, pending: pending.has(canonical(recId)) };
	});
}

const CODE_POINTS_MAX = 255;
const isWellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

/** Everything the gateway received must be a valid record; together, exactly the sendable items. */
function receivedProblems(expected: readonly Expectation[]): string[] {
	const problems: string[] = [];
	const received = ackRequests(gateway).flatMap((request) => {
		if (request.code !== 0) problems.push(`request #${request.number} answered code ${String(request.code)}`);
		return sentList(request);
	});
	for (const record of received) {
		const shown = JSON.stringify(record).slice(0, 80);
		if (typeof record.rec_id !== 'string' || !/^[0-9]+$/.test(record.rec_id)) problems.push(`sent a bad rec_id: ${shown}`);
		if (record.status !== 0 && record.status !== 1) problems.push(`sent a bad status: ${shown}`);
		const { message } = record;
		if (message !== undefined && (typeof message !== 'string' || Array.from(message).length > CODE_POINTS_MAX || !isWellFormed(message) || message === '')) {
			problems.push(`sent a bad message: ${shown}`);
		}
	}
	const wanted = expected.flatMap((e) => (e.sent ? [{ rec_id: e.recId, status: e.status, ...(e.message === undefined ? {} : { message: e.message }) }] : []));
	if (JSON.stringify(received) !== JSON.stringify(wanted)) problems.push(`sent ${received.length} records, expected exactly the ${wanted.length} sendable ones`);
	return problems;
}

function outputProblems(run: AckRun, items: readonly BadItem[], expected: readonly Expectation[]): string[] {
	const problems: string[] = [];
	for (const [output, list] of [[0, run.acknowledged], [1, run.failed]] as const) {
		for (const item of list) {
			const index = pairedIndex(item);
			const want = expected[index];
			const ack = wdtAck(item);
			const where = `item ${index} ${JSON.stringify(items[index].json).slice(0, 100)}`;
			if (JSON.stringify(without(item.json, 'wdtAck')) !== JSON.stringify(items[index].json)) problems.push(`${where}: JSON changed`);
			if ((ack.error ?? '').length > 1000) problems.push(`${where}: error of ${(ack.error ?? '').length} chars`);
			if (!want.sent) {
				const named = output === 1 && ack.reason === 'invalid' && ack.field === want.field && (ack.error ?? '').startsWith(want.field);
				if (!named) problems.push(`${where}: expected invalid ${want.field}, got output ${output} ${JSON.stringify(ack).slice(0, 200)}`);
				continue;
			}
			const sentFields = { recId: want.recId, status: want.status, message: want.message, messageTruncated: want.truncated || undefined };
			const got = { recId: ack.recId, status: ack.status, message: ack.message, messageTruncated: ack.messageTruncated };
			if (JSON.stringify(got) !== JSON.stringify(sentFields)) problems.push(`${where}: wdtAck ${JSON.stringify(got).slice(0, 200)}`);
			// Unknown ids are refused; a record no longer pending is done (an earlier ack took it).
			const rejected = (output === 1 && ack.reason === 'rejected' && ack.error === RECORD_NOT_FOUND) || (output === 0 && ack.noLongerPending === true);
			if (want.pending ? output !== 0 : !rejected) problems.push(`${where}: on output ${output} ${ack.reason ?? ''} ${ack.error ?? ''}`);
		}
	}
	return problems;
}

describe('generated hostile items, through the engine', () => {
	test.each(seeds(10, 0xbad0001))('seed %i', async (seed) => {
		const rng = mulberry32(seed);
		const pendingIds = gateway.seedPending(60).map((record) => record.rec_id);
		const items = badItems(rng, rng.int(80, 160), pendingIds);
		const batchSize = rng.int(1, 100);
		const run = await runAck(gateway, items.map((item) => item.json), { parameters: { options: { batchSize } } });
		const head = `seed ${seed} (replay: SEED=${seed}), batchSize ${batchSize}`;
		expect([head, run.result.status, nodeErrorText(run)?.message]).toEqual([head, 'success', undefined]);

		const expected = expectations(items, new Set(pendingIds));
		const problems = [
			...partitionProblems(run, items.length),
			...receivedProblems(expected),
			...outputProblems(run, items, expected),
			...secretLeaks(run, ['mock-secret', ...signsSeen(gateway)]),
		];
		const ledger = gateway.ledger.map((entry) => `${entry.recId}/${entry.status}/${entry.message}`);
		const acknowledged = run.acknowledged.map((item) => wdtAck(item)).map((ack) => `${canonical(ack.recId ?? '')}/${ack.status}/${ack.message ?? ''}`);
		if (JSON.stringify([...ledger].sort()) !== JSON.stringify([...acknowledged].sort())) problems.push('Acknowledged differs from the ledger');
		expect([head, ...problems]).toEqual([head]);
		// The scenario really mixed both outcomes.
		expect(run.acknowledged.length).toBeGreaterThan(0);
		expect(run.failed.some((item) => wdtAck(item).reason === 'invalid')).toBe(true);

		// The same items through mappings n8n must evaluate (the defaults may be read directly):
		// exactly the same outputs against an identical gateway.
		const twin = await MockGateway.start();
		try {
			twin.seedPending(60);
			const evaluated = await runAck(twin, items.map((item) => item.json), {
				parameters: { recId: '={{ ($json).rec_id }}', status: '={{ ($json).status }}', message: '={{ ($json).message }}', options: { batchSize } },
			});
			expect([head, evaluated.acknowledged, evaluated.failed]).toEqual([head, run.acknowledged, run.failed]);
		} finally {
			await twin.close();
		}
	});
});

test('Invalid Items = Stop: nothing is sent, and the error names the first bad item and its field', async () => {
	const [id] = gateway.seedPending(1).map((record) => record.rec_id);
	const items: IDataObject[] = [{ rec_id: id, status: 0 }, { rec_id: id, status: 2 }, { rec_id: '\ud800', status: 0 }];
	const run = await runAck(gateway, items, { parameters: { options: { invalidItems: 'stop' } } });
	expect(run.result.status).toBe('error');
	expect(nodeErrorText(run)?.message).toMatch(/^Item 1: status must be 0/);
	expect(nodeErrorText(run)?.description).toMatch(/^2 item\(s\) are invalid; nothing was sent/);
	expect(gateway.requests).toEqual([]);
});

// PRODUCT BUG (reported; same root cause as the Stop error in lostAnswers.test.ts): n8n's
// NodeOperationError rewrites a message that contains ECONNRESET, ENOENT… so an item's own data
// decides the error the user sees. Remove `.failing` once the node keeps its own message.
test('Invalid Items = Stop with a rec_id of "ECONNRESET": the error still names the item and field', async () => {
	const run = await runAck(gateway, [{ rec_id: 'ECONNRESET', status: 0 }], { parameters: { options: { invalidItems: 'stop' } } });
	expect(run.result.status).toBe('error');
	expect(nodeErrorText(run)?.message).toMatch(/^Item 0: rec_id must be/);
});

test('a 100k-character message is cut to 255 code points and the rest never travels', async () => {
	const [id] = gateway.seedPending(1).map((record) => record.rec_id);
	const message = '📦平'.repeat(50_000);
	const run = await runAck(gateway, [{ rec_id: id, status: 1, message }]);
	expect(wdtAck(run.acknowledged[0])).toEqual({ recId: id, status: 1, message: Array.from(message).slice(0, 255).join(''), messageTruncated: true });
	expect(gateway.ledger[0].message).toBe(Array.from(message).slice(0, 255).join(''));
	expect(ackRequests(gateway)[0].params.logistics_list.length).toBeLessThan(1000);
});

// PRODUCT GAP (reported): a mapping expression that throws for an item (here one that reads a node
// that does not exist, which n8n raises as an ExpressionError) yields reason 'invalid' with the
// right `field`, but the error text reads "The message mapping could not be evaluated: ...", not
// starting with the field name as every other invalid-item error does. Remove `.failing` once fixed.
test('custom mappings that throw on some items: the error starts with the field name', async () => {
	const ids = gateway.seedPending(2).map((record) => record.rec_id);
	const throwsIf = (flag: string, field: string) => `={{ $json.${flag} ? $("No such node").item.json.x : $json.${field} }}`;
	const items: IDataObject[] = [
		{ rec_id: ids[0], status: 0 },
		{ rec_id: ids[1], status: 0, badRecId: true },
		{ rec_id: ids[1], status: 0, badStatus: true },
		{ rec_id: ids[1], status: 0, badMessage: true },
	];
	const run = await runAck(gateway, items, {
		parameters: { recId: throwsIf('badRecId', 'rec_id'), status: throwsIf('badStatus', 'status'), message: throwsIf('badMessage', 'message') },
	});
	expect(run.result.status).toBe('success');
	expect(partitionProblems(run, items.length)).toEqual([]);
	expect(run.acknowledged.map((item) => pairedIndex(item))).toEqual([0]);
	expect(run.failed.map((item) => wdtAck(item))).toEqual([
		expect.objectContaining({ reason: 'invalid', field: 'rec_id', error: expect.stringMatching(/^rec_id\b/) }),
		expect.objectContaining({ reason: 'invalid', field: 'status', error: expect.stringMatching(/^status\b/) }),
		expect.objectContaining({ reason: 'invalid', field: 'message', error: expect.stringMatching(/^message\b/) }),
	]);
});
