/**
 * A minimal test-side client for the mock gateway. It signs with its own few lines (a third
 * implementation, unlike both the client's core and the gateway's verify.ts) and sends with
 * undici over a dedicated Agent that each test file closes.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';
import { DEFAULT_ACCOUNT } from '../mock/gateway';
import type { MockAccount } from '../mock/types';

export const FORM = 'application/x-www-form-urlencoded';

/** `LL-key:VVVV-value;…` + secret, md5. Test keys are ASCII, so plain `<` ordering is byte order. */
export function testSign(params: Record<string, string>, appSecret: string): string {
	const width = (n: number, w: number): string => String(n).padStart(w, '0');
	const packed = Object.keys(params)
		.filter((key) => key !== 'sign')
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
		.map(
			(key) =>
				`${width([...key].length, 2)}-${key}:${width([...params[key]].length, 4)}-${params[key]}`,
		)
		.join(';');
	return createHash('md5')
		.update(packed + appSecret)
		.digest('hex');
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
export function signed(
	business: Record<string, string>,
	options: SignOptions = {},
): Record<string, string> {
	const account = options.account ?? DEFAULT_ACCOUNT;
	const params: Record<string, string> = {
		...business,
		sid: account.sid,
		appkey: account.appKey,
		timestamp: options.timestamp ?? String(Math.floor((options.nowMs ?? Date.now()) / 1000)),
	};
	params.sign = testSign(params, options.secret ?? account.appSecret);
	return params;
}

export interface Answer {
	status: number;
	contentType: string | undefined;
	text: string;
	/** The body parsed with JSON.parse (fine unless a test is about huge numbers). */
	json: Record<string, unknown>;
}

export interface PostOptions {
	contentType?: string;
	query?: Record<string, string>;
	/** Give up (abort) after this many ms, as a client timeout does. */
	timeoutMs?: number;
	method?: 'POST' | 'GET';
}

export class TestClient {
	private readonly agent = new Agent({ keepAliveTimeout: 1000 });

	async post(
		baseUrl: string,
		script: string,
		params: Record<string, string> | string,
		options: PostOptions = {},
	): Promise<Answer> {
		const url = new URL(script, baseUrl);
		for (const [key, value] of Object.entries(options.query ?? {}))
			url.searchParams.set(key, value);
		const method = options.method ?? 'POST';
		const response = await request(url, {
			method,
			dispatcher: this.agent,
			headers: { 'content-type': options.contentType ?? FORM },
			body:
				method === 'GET'
					? undefined
					: typeof params === 'string'
						? params
						: new URLSearchParams(params).toString(),
			signal: options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs),
		});
		const text = await response.body.text();
		let json: Record<string, unknown> = {};
		try {
			json = JSON.parse(text) as Record<string, unknown>;
		} catch {
			// Left empty: tests about non-JSON bodies look at `text`.
		}
		const header = response.headers['content-type'];
		return {
			status: response.statusCode,
			contentType: Array.isArray(header) ? header[0] : header,
			text,
			json,
		};
	}

	close(): Promise<void> {
		return this.agent.close();
	}
}

/** A `logistics_list` text as a client would send it. */
export function ackList(
	items: ReadonlyArray<{ rec_id: string | number; status: number | string; message?: string }>,
): string {
	return JSON.stringify(items);
}
