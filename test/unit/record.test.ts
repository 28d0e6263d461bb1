import { planBatches } from '../../nodes/Wangdiantong/core/batched/plan';
import { logisticsAck } from '../../nodes/Wangdiantong/actions/logisticsSync/acknowledge/logisticsAck';
import { MESSAGE_MAX_CODE_POINTS } from '../../nodes/Wangdiantong/core/limits';
import { validateAckRecord } from '../../nodes/Wangdiantong/actions/logisticsSync/acknowledge/record';

const valid = (recId: unknown, status: unknown, message?: unknown) => {
	const result = validateAckRecord(recId, status, message);
	if (!result.ok) throw new Error(result.error);
	return result.record;
};
const invalid = (recId: unknown, status: unknown, message?: unknown) => {
	const result = validateAckRecord(recId, status, message);
	if (result.ok) throw new Error('expected a refusal');
	return result;
};

describe('validating one ack record', () => {
	test.each([
		[0, 0],
		[1, 1],
		['0', 0],
		[' 1 ', 1],
		[true, 0],
		[false, 1],
		['Success', 0],
		['FAILURE', 1],
		['failed', 1],
		['成功', 0],
		['失败', 1],
	])('status %p reads as %p', (input, expected) => {
		expect(valid('1', input).status).toBe(expected);
	});

	test.each([2, -1, 0.5, '2', 'yes', '', null, undefined, {}, []])('status %p is refused, naming the field and value', (input) => {
		const result = invalid('1', input);
		expect(result.field).toBe('status');
		expect(result.error).toMatch(/^status must be 0/);
	});

	test('rec_id keeps digits exactly, even beyond 2^53', () => {
		expect(valid('123456789012345678901234567890', 0).recId).toBe('123456789012345678901234567890');
		expect(valid(42, 0).recId).toBe('42');
		expect(valid(' 42 ', 0).recId).toBe('42');
	});

	test.each([
		[2 ** 53 + 2, /beyond 2\^53/],
		[1.5, /positive whole number/],
		[0, /positive whole number/],
		['000', /positive/],
		['12a', /string of digits.*"12a"/],
		['-5', /string of digits/],
		[null, /got null/],
		[undefined, /got nothing/],
		[{ id: 1 }, /got an object/],
	])('rec_id %p is refused', (input, reason) => {
		const result = invalid(input, 0);
		expect(result.field).toBe('rec_id');
		expect(result.error).toMatch(reason);
	});

	test('message is optional; numbers and booleans become text; objects are refused', () => {
		expect(valid('1', 0).message).toBeUndefined();
		expect(valid('1', 0, '').message).toBeUndefined();
		expect(valid('1', 0, null).message).toBeUndefined();
		expect(valid('1', 0, 404).message).toBe('404');
		expect(invalid('1', 0, { a: 1 })).toMatchObject({ field: 'message' });
	});

	test('message is cut to 255 code points, never inside a surrogate pair', () => {
		const chinese = '已'.repeat(300);
		const record = valid('1', 0, chinese);
		expect(record.message).toBe('已'.repeat(MESSAGE_MAX_CODE_POINTS));
		expect(record.messageTruncated).toBe(true);
		const emoji = 'a' + '📦'.repeat(300);
		const cut = valid('1', 0, emoji).message as string;
		expect(Array.from(cut)).toHaveLength(255);
		expect(cut.endsWith('📦')).toBe(true);
		expect(valid('1', 0, '📦'.repeat(255)).messageTruncated).toBe(false);
	});

	test('a message with a lone surrogate is refused rather than mangled', () => {
		expect(invalid('1', 0, 'bad \ud800')).toMatchObject({ field: 'message' });
	});
});

describe('planning a run', () => {
	const planAcknowledgement = (values: Array<{ recId: unknown; status: unknown; message: unknown }>) =>
		planBatches(logisticsAck, values.map(({ recId, status, message }) => ({ rec_id: recId, status, message })));

	test('splits valid records from invalid items, keeping item indexes and order', () => {
		const plan = planAcknowledgement([
			{ recId: '1', status: 0, message: 'ok' },
			{ recId: 'x', status: 0, message: '' },
			{ recId: '2', status: 'failed', message: '超时' },
		]);
		expect(plan.records.map((r) => [r.itemIndex, r.record.recId])).toEqual([
			[0, '1'],
			[2, '2'],
		]);
		expect(plan.invalid).toEqual([expect.objectContaining({ itemIndex: 1, field: 'rec_id' })]);
	});

	test('a rec_id repeated in a later item is refused, naming the first item', () => {
		const plan = planAcknowledgement([
			{ recId: '7', status: 0, message: undefined },
			{ recId: 7, status: 1, message: undefined },
			{ recId: '007', status: 1, message: undefined },
		]);
		expect(plan.records).toHaveLength(1);
		expect(plan.invalid.map((i) => i.error)).toEqual([
			'rec_id 7 already appears in item 0: each record is acknowledged once per run',
			'rec_id 007 already appears in item 0: each record is acknowledged once per run',
		]);
	});
});
