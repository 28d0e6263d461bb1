import { checkOrder } from '../../nodes/Wangdiantong/actions/trade/push/order';
import { order } from '../fixtures/orders';

const refusal = (value: unknown, lines?: unknown) => {
	const result = checkOrder(value, lines);
	if (result.ok) throw new Error('expected a refusal');
	return { field: result.field, error: result.error };
};

describe('an order that passes', () => {
	test('is sent field for field, unknown fields included, date-times as Beijing time', () => {
		const given = order('T1', { cust_data: '自定义', trade_time: '2026-12-06T01:30:00Z' });
		const result = checkOrder(given, undefined);
		expect(result).toEqual({
			ok: true,
			record: { id: 'T1', body: { ...given, trade_time: '2026-12-06 09:30:00', pay_time: '2026-12-06 09:31:00' } },
		});
	});

	test('the lines given apart replace the order’s own', () => {
		const lines = [{ ...(order('T1').order_list as object[])[0], oid: 'X' }];
		const result = checkOrder(order('T1'), lines);
		expect(result.ok && result.record.body.order_list).toEqual(lines);
	});

	test('an unpaid order without pay_time gets the ERP’s zero date; amounts and codes may be text', () => {
		const result = checkOrder(order('T2', { pay_status: '0', pay_time: '', paid: '0.00', trade_status: '10' }), undefined);
		expect(result.ok && result.record.body).toMatchObject({ pay_time: '0000-00-00 00:00:00', paid: '0.00', trade_status: '10' });
	});

	test('what the sources disagree on is left to the ERP: trade_status 60, delivery_term 4, an empty buyer_nick, no other_amount', () => {
		expect(checkOrder(order('T3', { trade_status: 60, delivery_term: 4, buyer_nick: '', other_amount: undefined }), undefined).ok).toBe(true);
	});
});

describe('an order that is refused names the field and the value', () => {
	test.each([
		['no tid', { tid: undefined }, 'tid', 'tid is missing: the ERP requires it (原始单号)'],
		['a tid of spaces', { tid: '  ' }, 'tid', 'tid is missing: the ERP requires it (原始单号)'],
		['an unknown status', { trade_status: 35 }, 'trade_status', /^trade_status must be one of 10 \(待支付\), .*, got the number 35$/],
		['a payment status as words', { pay_status: 'paid' }, 'pay_status', /^pay_status must be one of 0 \(未付款\), 1 \(部分付款\), 2 \(已付款\), got the text "paid"$/],
		['an amount with a currency sign', { paid: '¥208' }, 'paid', /^paid must be an amount .*got the text "¥208"$/],
		['a date-time without a time', { pay_time: '2026-12-06' }, 'pay_time', /^pay_time must be a date-time/],
		['no receiver mobile', { receiver_mobile: '' }, 'receiver_mobile', /^receiver_mobile is missing/],
		['no lines', { order_list: [] }, 'order_list', 'order_list is empty: an order needs at least one line'],
		['lines that are no list', { order_list: 'x' }, 'order_list', /^order_list must be the list of the order's lines/],
	])('%s', (_, overrides, field, error) => {
		const result = refusal(order('T9', overrides));
		expect(result.field).toBe(field);
		if (typeof error === 'string') expect(result.error).toBe(error);
		else expect(result.error).toMatch(error);
	});

	test.each([
		['a line without price', { price: undefined }, 'order_list[1].price is missing: the ERP requires it (单价)'],
		['a line with a refund status out of range', { refund_status: 9 }, /^order_list\[1\]\.refund_status must be one of 0 \(无退款\)/],
		['a line with neither goods_no nor spec_no', { goods_no: '', spec_no: undefined }, 'order_list[1] has neither goods_no nor spec_no: the ERP needs one of them to know the goods'],
		['a line repeating the first line’s oid', { oid: 'T9-1' }, 'order_list[1].oid T9-1 already appears in order_list[0]: each line needs its own oid'],
	])('%s', (_, overrides, error) => {
		const [first] = order('T9').order_list as Array<Record<string, unknown>>;
		const result = refusal(order('T9', { order_list: [first, { ...first, oid: 'T9-2', ...overrides }] }));
		expect(result.field).toBe('order_list');
		if (typeof error === 'string') expect(result.error).toBe(error);
		else expect(result.error).toMatch(error);
	});

	test('an item that is no object', () => {
		expect(refusal(['T1'])).toEqual({ field: 'order', error: 'the order must be an object of fields, got an array' });
	});
});
