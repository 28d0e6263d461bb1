/**
 * The one `isPlainObject` (core/plainObject.ts) that the credential, API Call's parameters and
 * Split Into Items share, and `kindOf`, the words a refusal uses for what it got.
 * (n8n's own values, `$json` and `$now` from its expression engine, are pinned through the engine
 * in test/workflow/apiCall.test.ts.)
 */
import { Readable } from 'node:stream';
import vm from 'node:vm';

import LegacyFormData from 'form-data';

import { isPlainObject, kindOf } from '../../nodes/Wangdiantong/core/plainObject';

class DateTime {
	readonly ts = 0;
}

describe('isPlainObject', () => {
	test.each<[string, unknown]>([
		['an object literal', { a: 1 }],
		['an empty object', {}],
		['what JSON.parse makes', JSON.parse('{"a": {"b": 1}}')],
		['an object without a prototype (Node makes its header objects so)', Object.create(null)],
		['an object from another realm (a vm context)', vm.runInNewContext('({ a: 1 })')],
		['a proxy over an object literal', new Proxy({ a: 1 }, {})],
	])('%s is one', (_what, value) => {
		expect(isPlainObject(value)).toBe(true);
	});

	test.each<[string, unknown]>([
		['null', null],
		['undefined', undefined],
		['text', '{}'],
		['a number', 1],
		['a list', [1]],
		['a list from another realm', vm.runInNewContext('[1]')],
		['a proxy over a list', new Proxy([], {})],
		['a Date', new Date(0)],
		['a Date from another realm', vm.runInNewContext('new Date(0)')],
		['a Map', new Map()],
		['a Buffer', Buffer.from('a')],
		['a Uint8Array', new Uint8Array(1)],
		['URLSearchParams', new URLSearchParams('a=1')],
		['the WHATWG FormData', new FormData()],
		['form-data’s FormData (n8n’s multipart body)', new LegacyFormData()],
		['a stream', Readable.from(['a'])],
		['a class instance (a Luxon DateTime, n8n’s $now, is one)', new DateTime()],
		['an object inheriting from another', Object.create({ a: 1 })],
		['a function', () => 1],
	])('%s is not one', (_what, value) => {
		expect(isPlainObject(value)).toBe(false);
	});
});

describe('kindOf names a kind, never the content', () => {
	test.each<[unknown, string]>([
		[{ secret: 'x' }, 'an object'],
		[Object.create(null), 'an object'],
		[['x'], 'a list'],
		[null, 'null'],
		[undefined, 'nothing'],
		['secret text', 'a string'],
		[5, 'a number'],
		[new Date(0), 'an object of type Date'],
		[new DateTime(), 'an object of type DateTime'],
		[Buffer.from('x'), 'an object of type Buffer'],
		[new URLSearchParams('secret=1'), 'an object of type URLSearchParams'],
		[Object.create({ a: 1 }), 'an object that is not plain data'],
		[() => 1, 'a function'],
	])('%p: %s', (value, kind) => {
		expect(kindOf(value)).toBe(kind);
	});
});
