import { redactSigns } from '../../nodes/Wangdiantong/core/redact';

const SIGN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

describe('redactSigns: text copied out of an answer never carries a sign', () => {
	test('a sign parameter echoed in a query string or form body is masked up to the next separator', () => {
		expect(redactSigns(`sid=s1&sign=${SIGN}&timestamp=1700000000`)).toBe('sid=s1&sign=[redacted]&timestamp=1700000000');
		expect(redactSigns(`SIGN=abc123 rest`)).toBe('sign=[redacted] rest');
	});

	test('a bare 32-digit hex string (an md5, as the sign is) is masked wherever it stands', () => {
		expect(redactSigns(`签名 ${SIGN} 不正确`)).toBe('签名 [redacted] 不正确');
		expect(redactSigns(`"${SIGN.toUpperCase()}"`)).toBe('"[redacted]"');
	});

	test('everything else is left as it was', () => {
		const text = '记录不存在; rec_id 12345678901234567890; signature check; 0f1e2d3c4b5a69788796a5b4c3d2e1f (31 digits)';
		expect(redactSigns(text)).toBe(text);
		// 33 hex digits are no md5: the word boundary keeps longer ids intact.
		expect(redactSigns(`${SIGN}a`)).toBe(`${SIGN}a`);
	});
});
