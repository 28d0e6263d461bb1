/**
 * The one place the node talks to the gateway. n8n's HTTP helper carries the user's proxy and TLS
 * settings; the credential's `authenticate` signs each request on the way out (so every attempt,
 * retries included, gets a fresh timestamp and sign).
 *
 * The answer is taken as raw text with every HTTP status: the core reads it (JSON whatever the
 * Content-Type says, ids never through a JS number) and decides what a status means.
 */
import type { ICredentialsDecrypted, IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { BusinessParams } from '../core/request';
import type { RawResponse } from '../core/response';

export const CREDENTIAL_TYPE = 'wangdiantongApi';

export interface CallOptions {
	timeoutMs: number;
}

export type GatewayCall = (api: string, params: BusinessParams, options: CallOptions) => Promise<RawResponse>;

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

/**
 * A caller bound to this execution. The credential is read once and handed to every request:
 * without it n8n looks the credential up again (in n8n, a database read and a decryption) for
 * each of the hundreds of batches a large run sends.
 */
export function gatewayClient(context: IExecuteFunctions): GatewayCall {
	let credentials: Promise<ICredentialsDecrypted> | undefined;
	const decrypted = async (): Promise<ICredentialsDecrypted> => {
		const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
		const data = await context.getCredentials(CREDENTIAL_TYPE);
		return { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data };
	};

	return async (api, params, options) => {
		credentials ??= decrypted();
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: api,
			body: params as IDataObject,
			timeout: options.timeoutMs,
			abortSignal: context.getExecutionCancelSignal(),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
		};
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request, {
			credentialsDecrypted: await credentials,
		})) as { statusCode?: number; body?: unknown };
		return { status: response.statusCode ?? 0, body: bodyText(response.body) };
	};
}
