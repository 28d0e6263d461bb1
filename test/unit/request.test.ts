import { buildSignedBody, businessParamsToSend, encodeForm, unixTimestamp } from '../../nodes/Wangdiantong/core/request';
import { computeSign } from '../../nodes/Wangdiantong/core/sign';

const credentials = { sid: 'test2', appKey: 'test2-xx', appSecret: '12345' };

describe('building the signed form body', () => {
	test('unixTimestamp is whole seconds, 10 digits', () => {
		expect(unixTimestamp(1470042310999)).toBe('1470042310');
	});

	test('the body carries sid, appkey, timestamp and a sign over exactly those values', () => {
		const body = buildSignedBody(credentials, { page_no: '0', page_size: '40' }, 1470042310000);
		const sent = Object.fromEntries(new URLSearchParams(body));
		const { sign, ...signed } = sent;
		expect(signed).toEqual({ page_no: '0', page_size: '40', sid: 'test2', appkey: 'test2-xx', timestamp: '1470042310' });
		expect(sign).toBe(computeSign(signed, '12345'));
		expect(body).not.toContain('12345'); // the app secret is never sent
	});

	test('every character that must be encoded is percent-encoded', () => {
		const body = encodeForm({ logistics_list: '[{"message":"a&b=c+d%e#f?g h\\n"}]\n' });
		expect(body).not.toMatch(/[#?\n" &]/); // one parameter: no raw & at all
		expect(body).toBe(
			'logistics_list=%5B%7B%22message%22%3A%22a%26b%3Dc%2Bd%25e%23f%3Fg+h%5Cn%22%7D%5D%0A',
		);
		expect(new URLSearchParams(body).get('logistics_list')).toBe('[{"message":"a&b=c+d%e#f?g h\\n"}]\n');
	});

	test('Chinese and emoji travel as UTF-8 percent-escapes and decode back unchanged', () => {
		const body = encodeForm({ message: '同步成功📦' });
		expect(body).toBe('message=%E5%90%8C%E6%AD%A5%E6%88%90%E5%8A%9F%F0%9F%93%A6');
	});

	test('empty optional values are neither sent nor signed', () => {
		expect(businessParamsToSend({ a: '1', b: '', c: undefined })).toEqual({ a: '1' });
		const body = buildSignedBody(credentials, { shop_no: 'x', is_part_sync_able: '' }, 0);
		expect(new URLSearchParams(body).has('is_part_sync_able')).toBe(false);
	});

	test('a business parameter may not shadow a public one', () => {
		expect(() => businessParamsToSend({ sign: 'x' })).toThrow(/public parameter/);
	});

	test('each call signs its own timestamp: a retry gets a fresh sign', () => {
		const first = new URLSearchParams(buildSignedBody(credentials, { a: '1' }, 1_000_000_000_000));
		const retry = new URLSearchParams(buildSignedBody(credentials, { a: '1' }, 1_000_000_005_000));
		expect(retry.get('timestamp')).not.toBe(first.get('timestamp'));
		expect(retry.get('sign')).not.toBe(first.get('sign'));
	});
});
