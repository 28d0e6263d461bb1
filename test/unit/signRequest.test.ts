/**
 * The credential's `authenticate` (transport/signRequest.ts) against every request shape n8n hands
 * it. Each request below is built the way n8n builds it (the comment names where: the HTTP Request
 * node, typeVersion 3 to 4.5, passes request-library options to `requestWithAuthentication`; our
 * node and other `httpRequestWithAuthentication` callers pass `IHttpRequestOptions`). The signed
 * result is then read the way the gateway reads a request (receivedParams: query string merged
 * with a form body) and checked by the mock gateway's own, independently written checks
 * (authenticate, test/mock/verify.ts). The real HTTP Request node of both n8n lines runs
 * these shapes against the mock in `npm run test:e2e` (scripts/e2e/httpRequestCheck.ts).
 */
import { Readable } from 'node:stream';

import LegacyFormData from 'form-data';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { UnsignableRequestError } from '../../nodes/Wangdiantong/core/requestParams';
import { signRequest } from '../../nodes/Wangdiantong/transport/signRequest';
import { authenticate, receivedParams } from '../mock/gateway';
import { isSignValid } from '../mock/verify';

const ACCOUNT = { sid: 'shop-sid', appKey: 'shop-appkey', appSecret: 'S3cr3t-never-sent' };
const CREDENTIALS: ICredentialDataDecryptedObject = {
	environment: 'custom',
	baseUrl: 'http://127.0.0.1:9/openapi2',
	...ACCOUNT,
};
const NOW = 1_760_000_000_000;
const QUERY_URL = 'http://127.0.0.1:9/openapi2/logistics_sync_query.php';
const ACK_URL = 'http://127.0.0.1:9/openapi2/logistics_sync_ack.php';
const LIST = [{ rec_id: '100001', status: 0, message: '已同步 a&b=c+d%e #1' }];
const LIST_TEXT = JSON.stringify(LIST);

/** Any option bag n8n may pass: request-library fields are not in IHttpRequestOptions' type. */
type AnyRequest = Record<string, unknown>;

function sign(request: AnyRequest): AnyRequest {
	return signRequest(CREDENTIALS, request as unknown as IHttpRequestOptions, NOW) as unknown as AnyRequest;
}

function headerValues(headers: unknown, name: string): unknown[] {
	return Object.entries((headers ?? {}) as Record<string, unknown>)
		.filter(([key]) => key.toLowerCase() === name)
		.map(([, value]) => value);
}

interface Arrival {
	/** What the gateway reads: query string and form body merged, as PHP fills $_REQUEST. */
	params: Record<string, string>;
	/** How many times each name travelled, in the URL and in the body together. */
	counts: Map<string, number>;
	url: URL;
}

/** The signed request as it leaves n8n, read as the gateway reads it. */
function arrival(signed: AnyRequest): Arrival {
	const target = String(signed.url ?? signed.uri);
	const url = new URL(target, signed.baseURL as string | undefined);
	expect(signed.method).toBe('POST');
	expect(typeof signed.body).toBe('string');
	for (const field of ['form', 'formData', 'qs']) expect(signed).not.toHaveProperty(field);
	const contentTypes = headerValues(signed.headers, 'content-type');
	expect(contentTypes).toHaveLength(1);
	const body = signed.body as string;
	const { params } = receivedParams(url.searchParams, Buffer.from(body, 'utf8'), String(contentTypes[0]));
	const counts = new Map<string, number>();
	for (const [name] of [...url.searchParams, ...new URLSearchParams(body)]) counts.set(name, (counts.get(name) ?? 0) + 1);
	return { params, counts, url };
}

/** The mock gateway's checks pass, and each expected parameter arrived exactly once, unchanged. */
function expectAccepted(signed: AnyRequest, expected: Record<string, string>): Arrival {
	const got = arrival(signed);
	const verdict = authenticate(got.params, {
		accounts: new Map([[ACCOUNT.appKey, ACCOUNT]]),
		nowMs: NOW,
		windowSeconds: 300,
	});
	expect(verdict).toEqual({ ok: true, account: ACCOUNT });
	expect(isSignValid(got.params, ACCOUNT.appSecret)).toBe(true);
	const { sid, appkey, timestamp, sign: sent, ...business } = got.params;
	expect({ sid, appkey, timestamp }).toEqual({ sid: ACCOUNT.sid, appkey: ACCOUNT.appKey, timestamp: String(NOW / 1000) });
	expect(sent).toMatch(/^[0-9a-f]{32}$/);
	expect(business).toEqual(expected);
	for (const name of [...Object.keys(expected), 'sid', 'appkey', 'timestamp', 'sign']) {
		expect([name, got.counts.get(name)]).toEqual([name, 1]);
	}
	expect(signed.body).not.toContain(ACCOUNT.appSecret);
	return got;
}

/** What the HTTP Request node (typeVersion 3–4.5) passes for every request, before its body. */
function httpRequestNode(method: string, uri: string, extra: AnyRequest): AnyRequest {
	return {
		headers: { accept: 'application/json,text/*;q=0.99' },
		method,
		uri,
		gzip: true,
		rejectUnauthorized: true,
		followRedirect: true,
		followAllRedirects: true,
		resolveWithFullResponse: true,
		timeout: 300_000,
		json: true,
		...extra,
	};
}

describe('signing each request shape n8n hands the credential', () => {
	test('HTTP Request, Body Content Type "Form Urlencoded": the fields arrive as request-library `form`', () => {
		const signed = sign(httpRequestNode('POST', QUERY_URL, { form: { shop_no: 'shop-1', limit: '2' } }));
		const got = expectAccepted(signed, { shop_no: 'shop-1', limit: '2' });
		// The node's own absolute URL is kept; n8n ignores baseURL beside it, so none is added.
		expect(got.url.href).toBe(QUERY_URL);
		expect(signed).not.toHaveProperty('baseURL');
		// `json: true` stays: n8n only sets Accept and parses the answer with it.
		expect(signed.json).toBe(true);
	});

	test('HTTP Request, Form Urlencoded "Using Single Field": the parsed fields, again as `form`', () => {
		const single = Object.fromEntries(new URLSearchParams(`logistics_list=${encodeURIComponent(LIST_TEXT)}`));
		expectAccepted(sign(httpRequestNode('POST', ACK_URL, { form: single })), { logistics_list: LIST_TEXT });
	});

	test('a request-library `form` given as a ready `a=1&b=2` string', () => {
		expectAccepted(sign(httpRequestNode('POST', QUERY_URL, { form: 'shop_no=shop+1&limit=2' })), {
			shop_no: 'shop 1',
			limit: '2',
		});
	});

	test('`body` as an object (our node, the credential test: IHttpRequestOptions with a script name)', () => {
		const signed = sign({ method: 'POST', url: 'logistics_sync_ack.php', body: { logistics_list: LIST_TEXT }, json: false });
		const got = expectAccepted(signed, { logistics_list: LIST_TEXT });
		expect(got.url.href).toBe('http://127.0.0.1:9/openapi2/logistics_sync_ack.php');
	});

	test('`body` as URLSearchParams', () => {
		const body = new URLSearchParams([
			['shop_no', '店铺 1'],
			['limit', '2'],
		]);
		expectAccepted(sign({ method: 'POST', url: 'logistics_sync_query.php', body }), { shop_no: '店铺 1', limit: '2' });
	});

	test('HTTP Request, Body Content Type "Raw", application/x-www-form-urlencoded: an `a=1&b=2` string', () => {
		// The node lower-cases its headers; the signed request must not carry a second Content-Type.
		const raw = `logistics_list=${encodeURIComponent(LIST_TEXT)}`;
		const request = httpRequestNode('POST', ACK_URL, {
			body: raw,
			json: false,
			useStream: true,
			headers: { accept: '*/*', 'content-type': 'application/x-www-form-urlencoded', 'content-length': raw.length },
		});
		const signed = sign(request);
		expectAccepted(signed, { logistics_list: LIST_TEXT });
		expect(headerValues(signed.headers, 'content-length')).toEqual([]);
		expect(headerValues(signed.headers, 'accept')).toEqual(['*/*']);
	});

	test('a string body without a Content-Type is read as a form (`a=1&b=2`)', () => {
		expectAccepted(sign({ method: 'POST', url: 'logistics_sync_query.php', body: 'shop_no=s%26x&limit=3' }), {
			shop_no: 's&x',
			limit: '3',
		});
	});

	test('HTTP Request GET with "Send Query Parameters": `qs` moves into the body of a POST', () => {
		const signed = sign(httpRequestNode('GET', QUERY_URL, { qs: { shop_no: 'shop-1', limit: '2' } }));
		const got = expectAccepted(signed, { shop_no: 'shop-1', limit: '2' });
		expect(got.url.search).toBe('');
	});

	test('parameters written into the URL itself move into the signed body too', () => {
		const signed = sign(httpRequestNode('GET', `${QUERY_URL}?shop_no=shop-1&limit=2#top`, {}));
		const got = expectAccepted(signed, { shop_no: 'shop-1', limit: '2' });
		expect(signed.uri).toBe(QUERY_URL);
		expect(got.url.href).toBe(QUERY_URL);
	});

	test('`url` wins over `uri`, as in n8n: its query string is the one read and removed', () => {
		const signed = sign({ method: 'GET', url: 'logistics_sync_query.php?shop_no=a', uri: 'ignored.php?x=1' });
		expect(signed.url).toBe('logistics_sync_query.php');
		expectAccepted(signed, { shop_no: 'a' });
	});

	test('HTTP Request JSON body: fields become form fields, nested values their JSON text', () => {
		const signed = sign(
			httpRequestNode('POST', ACK_URL, { body: { logistics_list: LIST, limit: 2, is_part_sync_able: false, note: null } }),
		);
		expectAccepted(signed, { logistics_list: LIST_TEXT, limit: '2', is_part_sync_able: 'false' });
	});

	test('a bigint inside a value keeps every digit, as a JSON string the gateway’s PHP reads as text', () => {
		const signed = sign(httpRequestNode('POST', ACK_URL, { body: { logistics_list: [{ rec_id: 12345678901234567891n, status: 0 }] } }));
		expectAccepted(signed, { logistics_list: '[{"rec_id":"12345678901234567891","status":0}]' });
	});

	test('HTTP Request "Raw" with application/json: the JSON text is read as a JSON body', () => {
		const request = httpRequestNode('POST', ACK_URL, {
			body: JSON.stringify({ logistics_list: LIST }),
			json: false,
			headers: { 'content-type': 'application/json' },
		});
		expectAccepted(sign(request), { logistics_list: LIST_TEXT });
	});

	test('query parameters and a form body together: each arrives once', () => {
		const signed = sign(httpRequestNode('POST', ACK_URL, { qs: { shop_no: 'shop-1' }, form: { logistics_list: LIST_TEXT } }));
		expectAccepted(signed, { shop_no: 'shop-1', logistics_list: LIST_TEXT });
	});

	test('nested values in `form` or `qs` follow the same rule: their JSON text', () => {
		// HTTP Request 4.3+ turns a name given twice in its list into an array of values.
		const signed = sign(httpRequestNode('POST', ACK_URL, { qs: { ids: ['1', '2'] }, form: { logistics_list: LIST } }));
		expectAccepted(signed, { ids: '["1","2"]', logistics_list: LIST_TEXT });
	});

	test('a name given twice with the same value travels once', () => {
		const signed = sign(httpRequestNode('POST', `${QUERY_URL}?shop_no=s1`, { qs: { shop_no: 's1' }, form: { shop_no: 's1', limit: '1' } }));
		expectAccepted(signed, { shop_no: 's1', limit: '1' });
	});

	test('empty values and the blank row n8n lists start with are not sent', () => {
		const signed = sign(httpRequestNode('POST', QUERY_URL, { form: { '': '', shop_no: 's1', is_part_sync_able: '' } }));
		expectAccepted(signed, { shop_no: 's1' });
	});

	test('a retry or a second authentication signs afresh: the earlier sid, appkey, timestamp and sign are replaced', () => {
		const first = sign({ method: 'POST', url: 'logistics_sync_ack.php', body: { logistics_list: LIST_TEXT } });
		const again = signRequest(CREDENTIALS, first as unknown as IHttpRequestOptions, NOW + 60_000) as unknown as AnyRequest;
		const got = arrival(again);
		expect(got.params.timestamp).toBe(String((NOW + 60_000) / 1000));
		expect(isSignValid(got.params, ACCOUNT.appSecret)).toBe(true);
		expect(got.params.logistics_list).toBe(LIST_TEXT);
		for (const name of ['logistics_list', 'sid', 'appkey', 'timestamp', 'sign']) expect(got.counts.get(name)).toBe(1);
	});

	test('a stale timestamp or sign from the user is replaced; their own sid and appkey, when equal, are tolerated', () => {
		const signed = sign(
			httpRequestNode('POST', QUERY_URL, {
				form: { shop_no: 's1', sid: ACCOUNT.sid, appkey: ACCOUNT.appKey, timestamp: '1470042310', sign: 'ad4e6fe037ea6e3ba4768317be9d1309' },
			}),
		);
		expectAccepted(signed, { shop_no: 's1' });
	});

	test('the request n8n passed is left as it was (HTTP Request shows it in the editor afterwards)', () => {
		const request = httpRequestNode('GET', `${QUERY_URL}?a=1`, { qs: { shop_no: 's1' }, form: { limit: '2' } });
		const before = JSON.parse(JSON.stringify(request)) as unknown;
		sign(request);
		expect(request).toEqual(before);
	});

	test('an absolute URL is signed even when the credential’s own gateway setting would not resolve', () => {
		const credentials = { ...CREDENTIALS, baseUrl: 'not a url' };
		const signed = signRequest(credentials, httpRequestNode('POST', QUERY_URL, { form: { shop_no: 's1' } }) as unknown as IHttpRequestOptions, NOW);
		expect(signed).not.toHaveProperty('baseURL');
		expect(() => signRequest(credentials, { url: 'logistics_sync_query.php' } as IHttpRequestOptions, NOW)).toThrow(/not a valid URL/);
	});
});

describe('requests that cannot be signed are refused, never sent unsigned', () => {
	const refusals: Array<[string, () => AnyRequest, RegExp]> = [
		[
			'HTTP Request "Form-Data" before 4.2: request-library `formData`',
			() => httpRequestNode('POST', ACK_URL, { formData: { logistics_list: LIST_TEXT } }),
			/multipart \(form-data\).*Form Urlencoded/,
		],
		[
			'HTTP Request "Form-Data" from 4.2: a form-data FormData as `formData`',
			() => {
				const form = new LegacyFormData();
				form.append('logistics_list', LIST_TEXT);
				return httpRequestNode('POST', ACK_URL, { formData: form });
			},
			/multipart \(form-data\).*Form Urlencoded/,
		],
		[
			'a WHATWG FormData body',
			() => ({ method: 'POST', url: 'x.php', body: new FormData() }),
			/multipart \(form-data\).*Form Urlencoded/,
		],
		[
			'an object body labelled multipart/form-data',
			() => ({ method: 'POST', url: 'x.php', body: { a: '1' }, headers: { 'Content-Type': 'multipart/form-data' } }),
			/multipart \(form-data\).*Form Urlencoded/,
		],
		[
			'HTTP Request "n8n Binary File": a Buffer body',
			() => httpRequestNode('POST', ACK_URL, { body: Buffer.from('a=1'), headers: { 'content-type': 'application/octet-stream' } }),
			/file or raw bytes.*Form Urlencoded/,
		],
		[
			'HTTP Request "n8n Binary File": a stream body',
			() => httpRequestNode('POST', ACK_URL, { body: Readable.from(['a=1']) }),
			/file or raw bytes.*Form Urlencoded/,
		],
		[
			'a JSON array body',
			() => httpRequestNode('POST', ACK_URL, { body: LIST }),
			/JSON array.*\{"logistics_list"/,
		],
		[
			'a JSON array as Raw application/json text',
			() => httpRequestNode('POST', ACK_URL, { body: LIST_TEXT, headers: { 'content-type': 'application/json' } }),
			/JSON array.*\{"logistics_list"/,
		],
		[
			'a JSON array text without a Content-Type',
			() => ({ method: 'POST', url: 'x.php', body: LIST_TEXT }),
			/JSON array/,
		],
		[
			'a JSON body that does not parse',
			() => httpRequestNode('POST', ACK_URL, { body: '{"logistics_list": [', headers: { 'content-type': 'application/json' } }),
			/does not parse.*Form Urlencoded/,
		],
		[
			'a body that is a bare JSON number',
			() => httpRequestNode('POST', ACK_URL, { body: 5 }),
			/a number, not named parameters/,
		],
		[
			'HTTP Request "Raw" with text/plain',
			() => httpRequestNode('POST', ACK_URL, { body: 'a=1', headers: { 'content-type': 'text/plain' } }),
			/content type "text\/plain".*Form Urlencoded/,
		],
		[
			'query parameters given as a list',
			() => httpRequestNode('GET', QUERY_URL, { qs: [['shop_no', 's1']] }),
			/query parameters: a list is not named parameters/,
		],
		[
			'a parameter value that is a Date',
			() => httpRequestNode('POST', QUERY_URL, { form: { start_time: new Date(0) } }),
			/^Parameter "start_time" in the form body is an object of type Date, which cannot be sent as it is: give it as text/,
		],
		[
			'a nested value that JSON would change (NaN would arrive as null)',
			() => httpRequestNode('POST', ACK_URL, { body: { logistics_list: [{ rec_id: '1', weight: NaN }] } }),
			/^Parameter "logistics_list" in the body holds the number NaN at \[0\]\.weight, which has no text form/,
		],
		[
			'a value without a name',
			() => httpRequestNode('POST', QUERY_URL, { form: { '': 'orphan' } }),
			/value but no name/,
		],
		[
			'one name with two different values',
			() => httpRequestNode('POST', QUERY_URL, { qs: { shop_no: 's1' }, form: { shop_no: 's2' } }),
			/"shop_no" is given in the query parameters and in the form body with different values/,
		],
		[
			'one name twice in a form string',
			() => httpRequestNode('POST', QUERY_URL, { form: 'limit=1&limit=2' }),
			/"limit" is given twice in the form body/,
		],
		[
			'a sid other than the credential’s',
			() => httpRequestNode('POST', QUERY_URL, { form: { shop_no: 's1', sid: 'another-seller' } }),
			/its own "sid", different from the credential's: remove it/,
		],
		[
			'an appkey other than the credential’s',
			() => httpRequestNode('GET', QUERY_URL, { qs: { appkey: 'another-appkey' } }),
			/its own "appkey", different from the credential's/,
		],
	];

	test.each(refusals)('%s', (_what, build, message) => {
		let thrown: unknown;
		try {
			sign(build());
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(UnsignableRequestError);
		const text = (thrown as Error).message;
		expect(text).toMatch(message);
		// No secret and nothing that looks like a sign in any refusal.
		expect(text).not.toContain(ACCOUNT.appSecret);
		expect(text).not.toMatch(/[0-9a-f]{32}/);
	});

	test('a refusal names no value the user sent, so an error never shows what was being signed', () => {
		const secretish = 'value-only-the-request-holds';
		const refusals = [
			httpRequestNode('POST', QUERY_URL, { qs: { a: secretish }, form: { a: `${secretish}-2` } }),
			httpRequestNode('POST', QUERY_URL, { body: `{"a": [${secretish}]}`, headers: { 'content-type': 'application/json' } }),
			httpRequestNode('POST', QUERY_URL, { form: { sid: secretish } }),
		];
		for (const request of refusals) {
			expect(() => sign(request)).toThrow(UnsignableRequestError);
			expect(() => sign(request)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secretish) as unknown }) as Error);
		}
	});

	test('the credential’s missing fields are named, and its secret never appears', () => {
		expect(() => signRequest({ ...CREDENTIALS, appSecret: ' ' }, { url: 'x.php' } as IHttpRequestOptions, NOW)).toThrow(
			/no App Secret: fill it in the credential/,
		);
	});
});
