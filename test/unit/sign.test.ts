import { createHash } from 'crypto';

import { computeSign, packForSigning, UnsignableValueError } from '../../nodes/Wangdiantong/core/sign';

/** MD5 of a hand-written packing: the expected sign does not depend on the code under test. */
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

describe('packForSigning and computeSign', () => {
	test('reproduce the vendor documented example byte for byte', () => {
		const params = {
			sid: 'test2',
			appkey: 'test2-xx',
			timestamp: '1470042310',
			page_no: '0',
			page_size: '40',
			start_time: '2016-08-01 12:00:00',
			end_time: '2016-08-01 13:00:00',
		};
		expect(packForSigning(params)).toBe(
			'06-appkey:0008-test2-xx;08-end_time:0019-2016-08-01 13:00:00;07-page_no:0001-0;' +
				'09-page_size:0002-40;03-sid:0005-test2;10-start_time:0019-2016-08-01 12:00:00;' +
				'09-timestamp:0010-1470042310',
		);
		expect(computeSign(params, '12345')).toBe('ad4e6fe037ea6e3ba4768317be9d1309');
	});

	test('count Chinese text in code points, not UTF-8 bytes (同步成功 is 4, not 12)', () => {
		const params = { message: '同步成功' };
		expect(packForSigning(params)).toBe('07-message:0004-同步成功');
		expect(computeSign(params, 's')).toBe(md5('07-message:0004-同步成功s'));
	});

	test('count an emoji outside the BMP as one code point, not two UTF-16 units', () => {
		// '📦' is U+1F4E6: 1 code point, 2 UTF-16 units, 4 UTF-8 bytes.
		const params = { message: '已发货📦' };
		expect(packForSigning(params)).toBe('07-message:0004-已发货📦');
	});

	test('write lengths above 9999 in full: the padding is a minimum width', () => {
		const value = 'a'.repeat(11201);
		expect(packForSigning({ logistics_list: value })).toBe(`14-logistics_list:11201-${value}`);
	});

	test('pad a key longer than 99 code points beyond 2 digits too', () => {
		const key = 'k'.repeat(100);
		expect(packForSigning({ [key]: 'v' })).toBe(`100-${key}:0001-v`);
	});

	test('sign characters that need percent-encoding as their raw text', () => {
		const value = 'a&b=c+d%e#f?g h\ni';
		expect(packForSigning({ x: value })).toBe(`01-x:0017-${value}`);
		expect(computeSign({ x: value }, 'k')).toBe(md5(`01-x:0017-${value}k`));
	});

	test('keep surrounding whitespace: values are signed exactly as sent', () => {
		expect(packForSigning({ message: '  ok \t' })).toBe('07-message:0006-  ok \t');
	});

	test('order keys byte-wise: digits < upper case < underscore < lower case, prefix first', () => {
		const params = { b: '1', a_b: '1', ab: '1', A: '1', '9': '1', a: '1', _: '1' };
		const keys = packForSigning(params)
			.split(';')
			.map((piece) => piece.slice(3, piece.indexOf(':')));
		expect(keys).toEqual(['9', 'A', '_', 'a', 'a_b', 'ab', 'b']);
	});

	test('never sign the sign parameter itself', () => {
		expect(packForSigning({ a: '1', sign: 'xyz' })).toBe('01-a:0001-1');
	});

	test('refuse a lone surrogate instead of signing text that cannot travel', () => {
		expect(() => packForSigning({ message: 'bad \ud800 text' })).toThrow(UnsignableValueError);
		expect(() => packForSigning({ message: 'bad \udc00' })).toThrow(/message/);
	});

	test('sign with the app secret appended directly, without a separator', () => {
		expect(computeSign({ a: '1' }, 'secret')).toBe(md5('01-a:0001-1secret'));
		expect(computeSign({ a: '1' }, 'secret')).not.toBe(md5('01-a:0001-1;secret'));
	});
});
