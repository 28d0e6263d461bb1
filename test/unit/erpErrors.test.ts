import { erpFailure, explainErpError, identityProblemOf } from '../../nodes/Wangdiantong/core/failure';

describe('ERP error codes', () => {
	test('code 100 names the part of the credential to fix', () => {
		expect(identityProblemOf('签名错误')).toBe('sign');
		expect(identityProblemOf('无效的appkey')).toBe('appkey');
		expect(identityProblemOf('时间戳无效,请检查服务器时间')).toBe('timestamp');
		expect(explainErpError('100', '签名错误')).toMatch(/App Secret/);
		expect(explainErpError('100', '无效的appkey')).toMatch(/App Key/);
		expect(explainErpError('100', '时间戳无效')).toMatch(/clock.*300 seconds/);
	});

	test('identity refusals stop the run and are never retried', () => {
		for (const [code, text] of [
			['100', '签名错误'],
			['100', '缺少参数sid'],
			['1007', '接口appkey已停用'],
		]) {
			expect(erpFailure(code, text)).toMatchObject({ retryable: false, credentialsRejected: true });
		}
	});

	test('rate limits are retried after the window, by code 1012 or by their words', () => {
		expect(erpFailure('1012', '系统调用频繁')).toMatchObject({ retryable: true, rateLimited: true, credentialsRejected: false });
		expect(erpFailure('5', '调用频率超限')).toMatchObject({ retryable: true, rateLimited: true });
		expect(erpFailure('100', '并发请求过多')).toMatchObject({ rateLimited: true, credentialsRejected: false });
	});

	test('code 1007 tells a disabled appkey from an unknown shop', () => {
		expect(explainErpError('1007', '接口appkey已停用')).toMatch(/appkey is disabled/);
		expect(explainErpError('1007', '店铺不存在')).toMatch(/no shop with this code/);
		expect(erpFailure('1007', '店铺不存在').credentialsRejected).toBe(false);
	});

	test('other business errors are final for the batch but do not stop the run', () => {
		expect(erpFailure('3', '参数错误')).toMatchObject({ retryable: false, credentialsRejected: false });
	});

	test('code 100 that names no part of the account refuses this call only: a business parameter, or the records of a push', () => {
		for (const text of ['缺少参数shop_no', '[{"tid":"T1","error":"货到付款订单COD金额不能为0"}]', '推送订单信息错误，错误内容：售后单关联的原始单不存在']) {
			expect(erpFailure('100', text)).toMatchObject({ retryable: false, credentialsRejected: false });
			expect(explainErpError('100', text)).not.toMatch(/sign|appkey|timestamp/);
		}
	});

	test('code 1012 is a rate limit by its code alone, whatever its text says', () => {
		for (const text of ['', 'too many requests', '超过限制']) {
			expect(erpFailure('1012', text)).toMatchObject({ rateLimited: true, retryable: true, credentialsRejected: false });
		}
	});
});
