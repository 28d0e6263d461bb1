/**
 * API Call's pure parts: the script-name check, the parameters as sent, the answer as items.
 * (The engine tests in test/workflow/apiCall.test.ts run them inside n8n against the mock.)
 */
import { paramsFromJson, paramsFromPairs } from '../../nodes/Wangdiantong/actions/api/call/params';
import { checkScriptName } from '../../nodes/Wangdiantong/actions/api/call/script';
import { answerItems } from '../../nodes/Wangdiantong/actions/api/call/split';

describe('checkScriptName', () => {
	test.each(['trade_push.php', 'api_goods_stock_change_ack.php', 'A1_b2.php'])('accepts %j', (name) => {
		expect(checkScriptName(name)).toEqual({ ok: true, script: name });
	});

	test('drops the whitespace a paste brings, nothing else', () => {
		expect(checkScriptName('\ttrade_push.php \n')).toEqual({ ok: true, script: 'trade_push.php' });
	});

	test.each([
		['trade_push.PHP', 'trade_push.php'],
		['http://127.0.0.1:8780/openapi2/trade_push.php?x=1#y', 'trade_push.php'],
		['trade_push', 'trade_push.php'],
	])('%j suggests %j', (name, better) => {
		expect(checkScriptName(name)).toEqual({ ok: false, error: expect.stringContaining(`: enter "${better}".`) });
	});

	test.each([undefined, null, 42, '', 'trade-push.php', 'trade_push.php.bak', '.php', 'trade_push.php\u0000', 'tradé.php'])('refuses %j', (name) => {
		expect(checkScriptName(name).ok).toBe(false);
	});
});

describe('paramsFromPairs', () => {
	test('values as the text sent: objects as JSON, numbers and booleans as text, empty and null left out', () => {
		expect(
			paramsFromPairs([
				{ name: 'a', value: 'x' },
				{ name: ' b ', value: 3 },
				{ name: 'c', value: false },
				{ name: 'd', value: { list: [1, 'x'] } },
				{ name: 'e', value: '' },
				{ name: 'f', value: null },
				{ name: '', value: '' },
				{ name: 'g', value: 12345678901234567891n },
			]),
		).toEqual({ ok: true, params: { a: 'x', b: '3', c: 'false', d: '{"list":[1,"x"]}', g: '12345678901234567891' } });
	});

	test.each([
		[[{ name: 'a', value: NaN }], 'Parameter "a" is the number NaN, which has no text form'],
		[[{ name: 'a', value: 'x' }, { name: 'a ', value: 'y' }], 'Parameter "a" is given twice'],
		[[{ name: 'a', value: 'bad \ud800 text' }], 'Parameter "a" contains a broken character'],
		[[{ name: '\udc00', value: 'x' }], 'A parameter name contains a broken character'],
		[[{ name: 'sid', value: 'other' }], '"sid" is a public parameter and cannot be sent as a business parameter: remove it'],
		[[{ value: 'orphan' }], 'Parameter 1 has a value but no name'],
	])('refuses %j', (pairs, message) => {
		expect(paramsFromPairs(pairs)).toEqual({ ok: false, error: expect.stringContaining(message) });
	});
});

describe('paramsFromJson', () => {
	test('an empty field sends nothing', () => {
		expect(paramsFromJson('  ')).toEqual({ ok: true, params: {} });
	});

	test('an object from an expression is taken as it is', () => {
		expect(paramsFromJson({ shop_no: 'mall01', stock_sync_list: [{ rec_id: '1', sync_stock: 5 }] })).toEqual({
			ok: true,
			params: { shop_no: 'mall01', stock_sync_list: '[{"rec_id":"1","sync_stock":5}]' },
		});
	});

	test('big integers in the text keep every digit, nested or not; other numbers stay numbers', () => {
		expect(paramsFromJson('{"id": 9007199254740993, "list": [{"rec_id": 9007199254740993, "n": 1.5}]}')).toEqual({
			ok: true,
			params: { id: '9007199254740993', list: '[{"rec_id":"9007199254740993","n":1.5}]' },
		});
	});

	test.each([
		['[1]', 'got a list'],
		['null', 'got null'],
		['12', 'got the number 12'],
		['{"a": }', 'JSON Parameters is not valid JSON'],
		['{"timestamp": "1"}', '"timestamp" is a public parameter'],
	])('refuses %j', (json, message) => {
		expect(paramsFromJson(json)).toEqual({ ok: false, error: expect.stringContaining(message) });
	});
});

describe('answerItems', () => {
	const answer = { code: 0, message: '', total: '98765432109876543210', list: [{ a: 1 }, 'x', null] };

	test('no field: the whole answer, code and message included', () => {
		expect(answerItems(answer, '')).toEqual({ ok: true, items: [answer] });
	});

	test('a list: its elements, a non-object wrapped under the field name', () => {
		expect(answerItems(answer, 'list')).toEqual({ ok: true, items: [{ a: 1 }, { list: 'x' }, { list: null }] });
	});

	test.each([undefined, null, '', []])('%j: no items', (value) => {
		expect(answerItems({ code: 0, list: value }, 'list')).toEqual({ ok: true, items: [] });
	});

	test.each([
		[{ 1: { a: 1 } }, 'an object'],
		['abc', 'the text "abc"'],
		[3, 'the number 3'],
	])('%j is refused, naming the answer’s fields', (value, what) => {
		expect(answerItems({ code: 0, message: '', list: value }, 'list')).toEqual({
			ok: false,
			error: `its "list" is ${what}, not a list: in Split Into Items, enter the name of a list field of the answer (it has code, message, list), or clear the option to get the whole answer`,
		});
	});
});
