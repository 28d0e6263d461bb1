import { readGatewayResponse } from '../../nodes/Wangdiantong/core/response';

describe('reading a gateway answer', () => {
	test('code 0 as a number or a string is success, whatever the content type', () => {
		expect(readGatewayResponse({ status: 200, body: '{"code":0,"message":""}' })).toEqual({
			ok: true,
			data: { code: 0, message: '' },
		});
		expect(readGatewayResponse({ status: 200, body: '{"code":"0","errors":[]}' }).ok).toBe(true);
	});

	test('a non-zero code is an ERP failure keeping the Chinese text beside an English fix', () => {
		const result = readGatewayResponse({
			status: 200,
			body: '{"code":1007,"message":"接口appkey已停用【解决办法:联系商务人员,重新开启接口appkey】 "}',
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure).toMatchObject({
			kind: 'erp',
			erpCode: '1007',
			erpMessage: '接口appkey已停用【解决办法:联系商务人员,重新开启接口appkey】 ',
			retryable: false,
			credentialsRejected: true,
			mayHaveBeenProcessed: false,
		});
		expect(result.failure.message).toMatch(/appkey is disabled/);
	});

	test('non-2xx statuses are transport failures; 5xx retryable, other 4xx not', () => {
		const bad = readGatewayResponse({ status: 502, body: '<html>Bad Gateway</html>' });
		expect(bad).toMatchObject({ ok: false, failure: { kind: 'http_status', httpStatus: 502, retryable: true } });
		const notFound = readGatewayResponse({ status: 404, body: '' });
		expect(notFound).toMatchObject({ ok: false, failure: { kind: 'http_status', retryable: false } });
	});

	test('an HTML page with status 200 is unreadable, retryable, and may have been processed', () => {
		const result = readGatewayResponse({ status: 200, body: '<html><body>系统维护中</body></html>' });
		expect(result).toMatchObject({
			ok: false,
			failure: { kind: 'unreadable_body', retryable: true, mayHaveBeenProcessed: true },
		});
	});

	test('JSON without a code, or not an object, is unreadable', () => {
		expect(readGatewayResponse({ status: 200, body: '[]' }).ok).toBe(false);
		expect(readGatewayResponse({ status: 200, body: '{"message":"x"}' }).ok).toBe(false);
		expect(readGatewayResponse({ status: 200, body: '' }).ok).toBe(false);
	});
});
