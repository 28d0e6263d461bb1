/**
 * The one place the node talks to the gateway. n8n's HTTP helper carries the user's proxy and TLS
 * settings; the credential's `authenticate` signs the request on the way out.
 *
 * The answer is taken as raw text with every HTTP status: the core reads it (JSON whatever the
 * Content-Type says, ids never through a JS number) and decides what a status means.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { BusinessParams } from '../core/request';
import type { RawResponse } from '../core/response';

export const CREDENTIAL_TYPE = 'wangdiantongApi';

export interface CallOptions {
	timeoutMs: number;
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

export async function callGateway(
	context: IExecuteFunctions,
	api: string,
	params: BusinessParams,
	options: CallOptions,
): Promise<RawResponse> {
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
	const response = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_TYPE,
		request,
	)) as { statusCode?: number; body?: unknown };
	return { status: response.statusCode ?? 0, body: bodyText(response.body) };
}
