import { DateTime } from 'luxon';

import { toBeijingDateTime, ZERO_DATE_TIME } from '../../nodes/Wangdiantong/core/beijingTime';

describe('a date-time in any form n8n or a shop produces, as the ERP’s Beijing time', () => {
	test.each([
		['ISO with Z', '2026-12-06T10:00:00Z', '2026-12-06 18:00:00'],
		['ISO with an offset', '2026-12-06T10:00:00-05:00', '2026-12-06 23:00:00'],
		['ISO with +0800 and milliseconds', '2026-12-06T10:00:00.999+0800', '2026-12-06 10:00:00'],
		['ISO crossing midnight and the year', '2026-12-31T20:30:15Z', '2027-01-01 04:30:15'],
		['the ERP’s own form, kept', '2026-12-06 18:00:00', '2026-12-06 18:00:00'],
		['the ERP’s form with T, taken as Beijing time', '2026-12-06T18:00:00', '2026-12-06 18:00:00'],
		['epoch seconds', 1796551200, '2026-12-06 18:00:00'],
		['epoch milliseconds', 1796551200000, '2026-12-06 18:00:00'],
		['epoch seconds as digits', '1796551200', '2026-12-06 18:00:00'],
		['a Luxon DateTime (n8n’s $now)', DateTime.fromISO('2026-12-06T10:00:00Z'), '2026-12-06 18:00:00'],
		['a Luxon DateTime in another zone', DateTime.fromISO('2026-12-06T05:00:00', { zone: 'America/New_York' }), '2026-12-06 18:00:00'],
		['a Date', new Date('2026-12-06T10:00:00Z'), '2026-12-06 18:00:00'],
		['the zero date', ZERO_DATE_TIME, ZERO_DATE_TIME],
	])('%s', (_, value, expected) => {
		expect(toBeijingDateTime(value)).toBe(expected);
	});

	test.each([
		['a date without a time', '2026-12-06'],
		['a day that does not exist', '2026-02-30 10:00:00'],
		['words', 'tomorrow'],
		['a negative epoch', -5],
		['NaN', NaN],
		['an invalid DateTime', DateTime.fromISO('nonsense')],
		['an object that is no date', { ts: 1 }],
		['true', true],
	])('%s is refused, not guessed', (_, value) => {
		expect(toBeijingDateTime(value)).toBeUndefined();
	});
});
