/**
 * The credential's `authenticate`: turns an n8n request for one openapi2 script into a signed one.
 * Kept apart from the credential class so it is tested as a plain function; what the request holds
 * is read by core/requestParams.ts.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { resolveGatewayBase } from '../core/gateway';
import { buildSignedBody, FORM_CONTENT_TYPE, type AppCredentials } from '../core/request';
import { formBodyHeaders, readRequestParams, requestTarget } from '../core/requestParams';

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

/** Request-library fields that would carry parameters beside the signed body. */
const UNSIGNED_CARRIERS = ['form', 'formData', 'qs'] as const;

/**
 * The signed request: one form-encoded body holding every parameter the request carried, the
 * query string's included, and nothing left in `qs`, `form`, `formData` or the URL. The body is a
 * finished string: n8n sends a string body as it is in both of its request paths (`json: true`
 * only sets the Accept header and parses the answer there; it is kept for that), so what is
 * signed is exactly what is sent.
 */
export function signRequest(
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
	nowMs: number,
): IHttpRequestOptions {
	const account = readAppCredentials(credentials);
	const { params, target } = readRequestParams(request, account);
	const body = buildSignedBody(account, params, nowMs);

	const signed: Record<string, unknown> = { ...request };
	for (const field of UNSIGNED_CARRIERS) delete signed[field];
	if (target !== undefined) signed[target.field] = target.value;
	// A node that names a whole URL (HTTP Request's `uri`) goes there, and n8n ignores baseURL;
	// a script name alone (our node, the credential test) is resolved against the credential's gateway.
	const destination = requestTarget(signed);
	if (request.baseURL === undefined && (destination === undefined || !URL.canParse(destination.value))) {
		signed.baseURL = resolveGatewayBase(
			String(credentials.environment ?? 'production'),
			String(credentials.baseUrl ?? ''),
		);
	}
	return {
		...(signed as unknown as IHttpRequestOptions),
		// The gateway takes POST only (docs/PROTOCOL.md, "Request"): a GET with query parameters
		// becomes the POST it has to be.
		method: 'POST',
		body,
		headers: formBodyHeaders(request.headers, FORM_CONTENT_TYPE) as IHttpRequestOptions['headers'],
	};
}
