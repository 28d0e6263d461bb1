import { outcomesForAnsweredBatch as outcomesFor, readPerRecordErrors as readErrors } from '../../nodes/Wangdiantong/core/batched/answer';
import { logisticsAck, logisticsListJson } from '../../nodes/Wangdiantong/actions/logisticsSync/acknowledge/logisticsAck';
import type { AckRecord } from '../../nodes/Wangdiantong/actions/logisticsSync/acknowledge/record';

const readPerRecordErrors = (data: Record<string, unknown>) => readErrors(logisticsAck, data);
const outcomesForAnsweredBatch = (records: AckRecord[], errors: Map<string, string>, earlier: boolean) =>
	outcomesFor(logisticsAck, records, errors, earlier);

const record = (recId: string, status: 0 | 1 = 0, message?: string): AckRecord => ({
	recId,
	status,
	messageTruncated: false,
	...(message === undefined ? {} : { message }),
});

describe('logistics_list serialisation', () => {
	test('rec_id as a string, status as a number, message only when present, Unicode unescaped', () => {
		expect(logisticsListJson([record('1', 0, '同步成功📦'), record('98765432109876543210', 1)])).toBe(
			'[{"rec_id":"1","status":0,"message":"同步成功📦"},{"rec_id":"98765432109876543210","status":1}]',
		);
	});
});

describe('per-record errors', () => {
	test('absent, null or empty errors mean every record was accepted', () => {
		for (const errors of [undefined, null, '', []]) {
			const read = readPerRecordErrors({ code: 0, errors });
			expect(read).toEqual({ ok: true, value: new Map() });
		}
	});

	test('ids as strings or numbers, with leading zeros, map to the same record; the first duplicate wins', () => {
		const read = readPerRecordErrors({
			code: 0,
			errors: [
				{ rec_id: 5, error: '记录不存在' },
				{ rec_id: '0006', error: 'A' },
				{ rec_id: '6', error: 'B' },
			],
		});
		expect(read.ok && [...read.value]).toEqual([
			['5', '记录不存在'],
			['6', 'A'],
		]);
	});

	test('entries whose rec_id is no record id at all name none of the batch and change nothing', () => {
		const read = readPerRecordErrors({ code: 0, errors: [{ rec_id: 'abc', error: 'x' }, { rec_id: -3, error: 'y' }] });
		expect(read).toEqual({ ok: true, value: new Map() });
	});

	test.each([[{ error: 'no id' }], ['garbage'], [{ rec_id: '', error: 'x' }], [{ rec_id: null, error: 'x' }]])(
		'an error not tied to a record (%p) makes the answer unreadable, never "all accepted"',
		(entry) => {
			const read = readPerRecordErrors({ code: 0, errors: [{ rec_id: '5', error: 'x' }, entry] });
			expect(read).toMatchObject({ ok: false, failure: { kind: 'unreadable_body', retryable: true, mayHaveBeenProcessed: true } });
		},
	);

	test('an errors field that is not a list cannot be mapped and is reported unreadable', () => {
		expect(readPerRecordErrors({ code: 0, errors: { '1': 'x' } })).toMatchObject({
			ok: false,
			failure: { kind: 'unreadable_body' },
		});
	});
});

describe('outcomes of an answered batch', () => {
	const batch = [record('1'), record('2'), record('3')];
	const errors = new Map([
		['2', '记录不存在'],
		['3', '非待同步状态,不可更新'],
	]);

	test('records in errors are rejected with the ERP text; errors for other ids change nothing', () => {
		const outcomes = outcomesForAnsweredBatch(batch, new Map([...errors, ['99', 'x']]), false);
		expect(outcomes.slice(0, 2)).toEqual([
			{ kind: 'accepted', byEarlierAttempt: false, noLongerPending: false },
			{ kind: 'rejected', error: '记录不存在' },
		]);
	});

	test('"not pending" is never a refusal: an earlier ack took the record, even with no lost answer in this run', () => {
		// A worker that died during Acknowledge had this record accepted; n8n ran the node again.
		const outcomes = outcomesForAnsweredBatch(batch, errors, false);
		expect(outcomes[2]).toEqual({ kind: 'accepted', byEarlierAttempt: false, noLongerPending: true });
	});

	test('after an attempt that may have landed, "not pending" means the earlier attempt acknowledged it', () => {
		const outcomes = outcomesForAnsweredBatch(batch, errors, true);
		expect(outcomes[2]).toEqual({ kind: 'accepted', byEarlierAttempt: true, noLongerPending: true });
		expect(outcomes[1]).toEqual({ kind: 'rejected', error: '记录不存在' });
	});
});

test('a per-record error that echoes the request never carries its sign into the Failed output', () => {
	const sign = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
	const read = readPerRecordErrors({
		code: 0,
		errors: [
			{ rec_id: '5', error: `参数错误: sid=s1&sign=${sign}&timestamp=1` },
			{ rec_id: '6', error: `校验失败 ${sign}` },
		],
	});
	expect(read.ok).toBe(true);
	const texts = read.ok ? [...read.value.values()] : [];
	expect(texts).toEqual(['参数错误: sid=s1&sign=[redacted]&timestamp=1', '校验失败 [redacted]']);
});
