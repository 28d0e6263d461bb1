/**
 * A minimal client for the mock's self-tests. It signs with its own few lines: a third
 * implementation, unlike both the client's core/sign.ts and the gateway's verify.ts.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_ACCOUNT, MockGateway, type MockAccount, type MockGatewayOptions } from '../mock/gateway';

/** `LL-key:VVVV-value;…` + secret, md5. Test keys are ASCII, so plain `<` ordering is byte order. */
export function testSign(params: Record<string, string>, appSecret: string): string {
	const width = (text: string, w: number): string => String([...text].length).padStart(w, '0');
	const packed = Object.keys(params)
		.filter((key) => key !== 'sign')
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map((key) => `${width(key, 2)}-${key}:${width(params[key], 4)}-${params[key]}`);
	return createHash('md5').update(packed.join(';') + appSecret).digest('hex');
}

export interface SignOptions {
	account?: Pick<MockAccount, 'sid' | 'appKey' | 'appSecret'>;
	nowMs?: number;
	/** Sign with this secret instead of the account's. */
	secret?: string;
	/** Send (and sign) this timestamp text instead of the one derived from nowMs. */
	timestamp?: string;
}

/** Business params plus sid, appkey, timestamp and sign. */
export function signed(business: Record<string, string>, options: SignOptions = {}): Record<string, string> {
	const { sid, appKey, appSecret } = options.account ?? DEFAULT_ACCOUNT;
	const timestamp = options.timestamp ?? String(Math.floor((options.nowMs ?? Date.now()) / 1000));
	const params = { ...business, sid, appkey: appKey, timestamp };
	return { ...params, sign: testSign(params, options.secret ?? appSecret) };
}

/** POSTs a form body (or a given text) to a script; `query` goes into the URL. JSON read if it is. */
export async function post(
	gw: MockGateway,
	script: string,
	params: Record<string, string> | string,
	options: { contentType?: string; query?: Record<string, string>; method?: string; timeoutMs?: number } = {},
) {
	const url = new URL(script, gw.baseUrl);
	for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
	const { method = 'POST', contentType = 'application/x-www-form-urlencoded' } = options;
	const body = method === 'GET' ? undefined : typeof params === 'string' ? params : new URLSearchParams(params);
	const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
	const response = await fetch(url, { method, headers: { 'content-type': contentType }, body, signal });
	const text = await response.text();
	let json: Record<string, unknown> = {};
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {
		// Left empty: tests about non-JSON bodies look at `text`.
	}
	return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

/** A fresh gateway per test, closed after it. */
export function useGateway(options: MockGatewayOptions = {}): { gw: MockGateway } {
	const holder = {} as { gw: MockGateway };
	beforeEach(async () => {
		holder.gw = await MockGateway.start(options);
	});
	afterEach(() => holder.gw.close());
	return holder;
}

/** The text a gateway started with `options` (and given its records by `seed`) answers to `call`; the gateway is closed after. */
export async function answerText(
	options: MockGatewayOptions,
	seed: (gw: MockGateway) => void,
	call: (gw: MockGateway) => Promise<{ text: string }>,
): Promise<string> {
	const gw = await MockGateway.start(options);
	seed(gw);
	try {
		return (await call(gw)).text;
	} finally {
		await gw.close();
	}
}
