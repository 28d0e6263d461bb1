import { parseJsonLossless, quoteUnsafeIntegers } from '../../nodes/Wangdiantong/core/json';

describe('lossless JSON parsing', () => {
	test('ids beyond 2^53 come back as exact strings of digits', () => {
		const data = parseJsonLossless('{"rec_id":12345678901234567890,"n":[9007199254740993]}') as {
			rec_id: unknown;
			n: unknown[];
		};
		expect(data.rec_id).toBe('12345678901234567890');
		expect(data.n[0]).toBe('9007199254740993');
	});

	test('safe integers, decimals, exponents and negatives parse as JSON.parse does', () => {
		const text = '{"a":9007199254740991,"b":1.5,"c":-3,"d":1e21,"e":12345678901234567890.5,"f":-99999999999999999999}';
		const data = parseJsonLossless(text) as Record<string, unknown>;
		expect(data.a).toBe(9007199254740991);
		expect(data.b).toBe(1.5);
		expect(data.c).toBe(-3);
		expect(data.d).toBe(1e21);
		expect(data.e).toBe(Number('12345678901234567890.5')); // not an integer literal: left to JSON.parse
		expect(data.f).toBe('-99999999999999999999');
	});

	test('digits inside strings, including escaped quotes, are left alone', () => {
		const text = '{"m":"id 12345678901234567890 \\" 99999999999999999999","k":1}';
		expect(quoteUnsafeIntegers(text)).toBe(text);
		expect(parseJsonLossless(text)).toEqual({ m: 'id 12345678901234567890 " 99999999999999999999', k: 1 });
	});

	test('invalid JSON still throws', () => {
		expect(() => parseJsonLossless('<html>502</html>')).toThrow();
	});
});
