/**
 * One rule turns a parameter value into the form text the gateway receives (core/paramText.ts).
 * It is pinned here from both places that send parameters, never from the rule itself, so that
 * either one drifting from it fails: the credential signing a request n8n's HTTP Request node
 * made (a JSON body, its fields as they are), and API Call's Name/Value pairs and JSON object.
 * Each refusal is spelled out in full: the rule's part is the same words from both entries.
 */
import vm from 'node:vm';

import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { paramsFromJson, paramsFromPairs } from '../../nodes/Wangdiantong/actions/api/call/params';
import { UnsignableRequestError } from '../../nodes/Wangdiantong/core/requestParams';
import { signRequest } from '../../nodes/Wangdiantong/transport/signRequest';
import { isSignValid } from '../mock/verify';

const ACCOUNT = { sid: 'shop-sid', appKey: 'shop-appkey', appSecret: 'S3cr3t-never-sent' };
const CREDENTIALS: ICredentialDataDecryptedObject = { environment: 'custom', baseUrl: 'http://127.0.0.1:9/openapi2', ...ACCOUNT };

/** The parameter `v` of the signed body the credential makes of `request`; undefined when not sent. */
function signedValue(request: Record<string, unknown>): string | undefined {
	const signed = signRequest(CREDENTIALS, request as unknown as IHttpRequestOptions, 1_760_000_000_000);
	const params = Object.fromEntries(new URLSearchParams(signed.body as string));
	expect(isSignValid(params, ACCOUNT.appSecret)).toBe(true);
	return params.v;
}

/** What the credential refused `request` with. */
function credentialRefusal(request: Record<string, unknown>): string {
	try {
		signRequest(CREDENTIALS, request as unknown as IHttpRequestOptions, 1_760_000_000_000);
	} catch (error) {
		expect(error).toBeInstanceOf(UnsignableRequestError);
		return (error as Error).message;
	}
	throw new Error('the credential signed a request it should have refused');
}

/** HTTP Request's JSON body (typeVersion 3–4.5 hands it as request-library options). */
const jsonBody = (value: unknown) => ({ method: 'POST', uri: 'http://127.0.0.1:9/openapi2/x.php', json: true, body: { v: value } });

class DateTime {
	readonly ts = 0;
}

const shared = { a: 1 };
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

/** Values that are sent, and the exact text that arrives (undefined: the parameter is not sent). */
const SENT: Array<[string, unknown, string | undefined]> = [
	['text, as it is', 'mall 01 & 已同步', 'mall 01 & 已同步'],
	['empty text: not given', '', undefined],
	['null: not given', null, undefined],
	['a number', 12.5, '12.5'],
	['the largest safe whole number', 9007199254740991, '9007199254740991'],
	['a boolean', false, 'false'],
	['a bigint, every digit', 12345678901234567891n, '12345678901234567891'],
	['a list of objects: its JSON text', [{ rec_id: '1', status: 0, message: '' }], '[{"rec_id":"1","status":0,"message":""}]'],
	['a bigint inside: a JSON string of every digit', [{ rec_id: 12345678901234567891n }], '[{"rec_id":"12345678901234567891"}]'],
	['undefined inside: left out of an object, null in a list', { a: undefined, b: [undefined, 1] }, '{"b":[null,1]}'],
	['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 }), '{"a":1}'],
	['an object from another realm', vm.runInNewContext('({ list: [1, "x"] })') as unknown, '{"list":[1,"x"]}'],
	['one object twice (not a cycle)', { x: shared, y: [shared] }, '{"x":{"a":1},"y":[{"a":1}]}'],
];

const WHOLE_TEXT = 'which cannot be sent as it is: give it as text, a number or plain JSON data';

/** Values that are refused, and the rule's words, which follow `Parameter "v"` and the caller's place. */
const REFUSED: Array<[string, unknown, string]> = [
	['NaN', NaN, 'is the number NaN, which has no text form: give a number or text'],
	['Infinity', Infinity, 'is the number Infinity, which has no text form: give a number or text'],
	['-Infinity inside', { w: [-Infinity] }, 'holds the number -Infinity at .w[0], which has no text form: give a number or text'],
	['NaN inside (JSON would write null)', [{ weight: NaN }], 'holds the number NaN at [0].weight, which has no text form: give a number or text'],
	[
		'a whole number beyond 2^53',
		2 ** 60,
		'is a whole number beyond 2^53, which may already have been rounded: give it as text, digit for digit',
	],
	[
		'a whole number beyond 2^53 inside',
		[{ rec_id: Number('98765432109876543210') }], // what JSON.parse makes of that id
		'holds a whole number beyond 2^53 at [0].rec_id, which may already have been rounded: give it as text, digit for digit',
	],
	['a Date', new Date(0), `is an object of type Date, ${WHOLE_TEXT}`],
	['a Date inside (JSON would write UTC ISO text)', { at: new Date(0) }, `holds an object of type Date at .at, ${WHOLE_TEXT}`],
	['a class instance (n8n’s $now is one)', new DateTime(), `is an object of type DateTime, ${WHOLE_TEXT}`],
	['a class instance inside', { when: new DateTime() }, `holds an object of type DateTime at .when, ${WHOLE_TEXT}`],
	['a Map inside (JSON would write {})', { m: new Map([['a', 1]]) }, `holds an object of type Map at .m, ${WHOLE_TEXT}`],
	['a Buffer', Buffer.from('a=1'), `is an object of type Buffer, ${WHOLE_TEXT}`],
	['a function inside (JSON would drop it)', { f: () => 1 }, `holds a function at .f, ${WHOLE_TEXT}`],
	['a symbol', Symbol('x'), `is a symbol, ${WHOLE_TEXT}`],
	['a value that contains itself', cyclic, 'contains itself at .self, which JSON cannot write: give plain data'],
	[
		'a lone surrogate',
		'bad \ud800 text',
		'contains a broken character (a lone UTF-16 surrogate), which the gateway could not verify: fix the text',
	],
	[
		'a lone surrogate inside',
		{ 'odd key': ['\udc00'] },
		'contains a broken character (a lone UTF-16 surrogate) at ["odd key"][0], which the gateway could not verify: fix the text',
	],
];

describe('the credential, signing an HTTP Request JSON body', () => {
	test.each(SENT)('%s', (_what, value, text) => {
		expect(signedValue(jsonBody(value))).toBe(text);
	});

	test.each(REFUSED)('%s is refused', (_what, value, words) => {
		expect(credentialRefusal(jsonBody(value))).toBe(`Parameter "v" in the body ${words}`);
	});
});

describe('API Call, Name/Value pairs', () => {
	test.each(SENT)('%s', (_what, value, text) => {
		expect(paramsFromPairs([{ name: 'v', value }])).toEqual({ ok: true, params: text === undefined ? {} : { v: text } });
	});

	test.each(REFUSED)('%s is refused', (_what, value, words) => {
		expect(paramsFromPairs([{ name: 'v', value }])).toEqual({ ok: false, error: `Parameter "v" ${words}` });
	});
});

describe('API Call, a JSON object from an expression', () => {
	test.each(SENT)('%s', (_what, value, text) => {
		expect(paramsFromJson({ v: value })).toEqual({ ok: true, params: text === undefined ? {} : { v: text } });
	});

	test.each(REFUSED)('%s is refused', (_what, value, words) => {
		expect(paramsFromJson({ v: value })).toEqual({ ok: false, error: `Parameter "v" ${words}` });
	});
});

describe('a JSON text, read by the credential (Raw, application/json) and by API Call (JSON Parameters)', () => {
	const texts: Array<[string, string, string]> = [
		['a whole number beyond 2^53 keeps every digit', '{"v": 98765432109876543210}', '98765432109876543210'],
		['inside too, as a JSON string', '{"v": [{"rec_id": 12345678901234567891, "n": 1.5}]}', '[{"rec_id":"12345678901234567891","n":1.5}]'],
		['null is not sent', '{"v": null}', ''],
	];

	test.each(texts)('%s', (_what, json, text) => {
		const raw = { method: 'POST', uri: 'http://127.0.0.1:9/openapi2/x.php', body: json, headers: { 'content-type': 'application/json' } };
		expect(signedValue(raw) ?? '').toBe(text);
		expect(paramsFromJson(json)).toEqual({ ok: true, params: text === '' ? {} : { v: text } });
	});
});
