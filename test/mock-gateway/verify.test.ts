import { expectedSign, isSignValid, packForSign } from '../mock/verify';
import { testSign } from './helpers';

const VENDOR = {
	sid: 'test2',
	appkey: 'test2-xx',
	timestamp: '1470042310',
	page_no: '0',
	page_size: '40',
	start_time: '2016-08-01 12:00:00',
	end_time: '2016-08-01 13:00:00',
};

describe('verify.ts, the gateway side of the signature', () => {
	it('packs and signs the vendor example', () => {
		expect(packForSign(VENDOR)).toBe(
			'06-appkey:0008-test2-xx;08-end_time:0019-2016-08-01 13:00:00;07-page_no:0001-0;' +
				'09-page_size:0002-40;03-sid:0005-test2;10-start_time:0019-2016-08-01 12:00:00;' +
				'09-timestamp:0010-1470042310',
		);
		expect(expectedSign(VENDOR, '12345')).toBe('ad4e6fe037ea6e3ba4768317be9d1309');
		expect(isSignValid({ ...VENDOR, sign: 'ad4e6fe037ea6e3ba4768317be9d1309' }, '12345')).toBe(
			true,
		);
		expect(isSignValid({ ...VENDOR, sign: 'AD4E6FE037EA6E3BA4768317BE9D1309' }, '12345')).toBe(
			false,
		);
	});

	it('leaves sign out of the packing', () => {
		expect(packForSign({ ...VENDOR, sign: 'x' })).toBe(packForSign(VENDOR));
	});

	it('counts code points, not UTF-16 units or bytes', () => {
		expect(packForSign({ m: '同步成功' })).toBe('01-m:0004-同步成功');
		expect(packForSign({ m: '📦ok' })).toBe('01-m:0003-📦ok');
	});

	it('pads to a minimum width and never truncates', () => {
		const long = 'x'.repeat(11201);
		expect(packForSign({ k: long })).toBe(`01-k:11201-${long}`);
		const key = 'k'.repeat(123);
		expect(packForSign({ [key]: '' })).toBe(`123-${key}:0000-`);
	});

	it('orders keys byte-wise: digits < upper case < _ < lower case, prefix first', () => {
		const packed = packForSign({ a_b: '1', ab: '2', a: '3', A: '4', _x: '5', '9': '6' });
		expect(packed.split(';').map((piece) => piece.split(':')[0])).toEqual([
			'01-9',
			'01-A',
			'02-_x',
			'01-a',
			'03-a_b',
			'02-ab',
		]);
	});

	it('agrees with the tests own signer on Chinese, emoji and characters needing encoding', () => {
		const params = {
			logistics_list: '[{"rec_id":"1","status":0,"message":"已发货 📦 a&b=c+d%25#\n"}]',
			sid: 's',
			appkey: 'k',
			timestamp: '1700000000',
		};
		expect(expectedSign(params, 'secret')).toBe(testSign(params, 'secret'));
	});
});
