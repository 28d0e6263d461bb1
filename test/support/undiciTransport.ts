/**
 * A bare openapi2 client over undici, outside n8n: the tests' and the benchmark's transport.
 * It signs with the same core as the credential, so it measures what a perfect node could do.
 */
import { Agent, request, type Dispatcher } from 'undici';

import { apiUrl } from '../../nodes/Wangdiantong/core/gateway';
import { buildSignedBody, FORM_CONTENT_TYPE, type AppCredentials, type BusinessParams } from '../../nodes/Wangdiantong/core/request';
import type { RawResponse } from '../../nodes/Wangdiantong/core/response';

export interface UndiciTransportOptions {
	baseUrl: string;
	credentials: AppCredentials;
	/** A MockAgent for fault injection, or a shared keep-alive Agent; defaults to a new Agent. */
	dispatcher?: Dispatcher;
	timeoutMs?: number;
	now?: () => number;
}

export type GatewaySend = (api: string, params: BusinessParams) => Promise<RawResponse>;

export function createUndiciTransport(options: UndiciTransportOptions): { send: GatewaySend; close: () => Promise<void> } {
	const ownDispatcher = options.dispatcher ? undefined : new Agent({ keepAliveTimeout: 10_000 });
	const dispatcher = options.dispatcher ?? (ownDispatcher as Agent);
	const timeoutMs = options.timeoutMs ?? 30_000;
	const now = options.now ?? Date.now;

	const send: GatewaySend = async (api, params) => {
		const body = buildSignedBody(options.credentials, params, now());
		const response = await request(apiUrl(options.baseUrl, api), {
			method: 'POST',
			body,
			headers: { 'content-type': FORM_CONTENT_TYPE },
			dispatcher,
			headersTimeout: timeoutMs,
			bodyTimeout: timeoutMs,
		});
		return { status: response.statusCode, body: await response.body.text() };
	};
	return { send, close: async () => await ownDispatcher?.close() };
}
