import { codePointLength, findLoneSurrogate, truncateCodePoints } from '../../nodes/Wangdiantong/core/text';

describe('text helpers', () => {
	test('codePointLength counts astral characters once', () => {
		expect(codePointLength('')).toBe(0);
		expect(codePointLength('abc')).toBe(3);
		expect(codePointLength('顺丰')).toBe(2);
		expect(codePointLength('📦📦')).toBe(2);
		expect(codePointLength('a\ud800')).toBe(2); // a lone surrogate still counts as one unit
	});

	test('findLoneSurrogate finds unpaired halves only', () => {
		expect(findLoneSurrogate('ok 📦')).toBe(-1);
		expect(findLoneSurrogate('x\ud83d')).toBe(1);
		expect(findLoneSurrogate('\udce6x')).toBe(0);
		expect(findLoneSurrogate('\ud83d\ud83d\udce6')).toBe(0);
	});

	test('truncateCodePoints never splits a surrogate pair', () => {
		expect(truncateCodePoints('📦📦📦', 2)).toBe('📦📦');
		expect(truncateCodePoints('ab📦', 3)).toBe('ab📦');
		expect(truncateCodePoints('ab📦c', 3)).toBe('ab📦');
		expect(truncateCodePoints('short', 255)).toBe('short');
	});
});
