/**
 * The credential's `authenticate`: turns an n8n request for one openapi2 script into a signed one.
 * Kept apart from the credential class so it is tested as a plain function.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { resolveGatewayBase } from '../core/gateway';
import { buildSignedBody, FORM_CONTENT_TYPE, type AppCredentials } from '../core/request';

function requiredText(credentials: ICredentialDataDecryptedObject, field: string, label: string): string {
	const value = credentials[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new Error(`The Wangdiantong credential has no ${label}: fill it in the credential`);
	}
	return value.trim();
}

export function readAppCredentials(credentials: ICredentialDataDecryptedObject): AppCredentials {
	return {
		sid: requiredText(credentials, 'sid', 'Seller Account (sid)'),
		appKey: requiredText(credentials, 'appKey', 'App Key (appkey)'),
		// Trimmed like the others: whitespace pasted around a secret is never part of it.
		appSecret: requiredText(credentials, 'appSecret', 'App Secret'),
	};
}

/** Business parameters from the request's body and query: all of them travel in the body. */
function businessParams(request: IHttpRequestOptions): Record<string, string> {
	const params: Record<string, string> = {};
	for (const source of [request.qs, request.body]) {
		if (!source || typeof source !== 'object') continue;
		for (const [key, value] of Object.entries(source as IDataObject)) {
			if (value === undefined || value === null) continue;
			if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
				throw new Error(`Business parameter "${key}" must be text; serialise structured values as JSON first`);
			}
			params[key] = String(value);
		}
	}
	return params;
}

export function signRequest(
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
	nowMs: number,
): IHttpRequestOptions {
	const baseURL =
		request.baseURL ??
		resolveGatewayBase(String(credentials.environment ?? 'production'), String(credentials.baseUrl ?? ''));
	const body = buildSignedBody(readAppCredentials(credentials), businessParams(request), nowMs);
	return {
		...request,
		baseURL,
		method: 'POST',
		// The gateway signs query-string parameters too: everything moved into the signed body.
		qs: undefined,
		body,
		headers: { ...request.headers, 'Content-Type': FORM_CONTENT_TYPE },
	};
}
