/**
 * The one place the node talks to the gateway: every operation gets its `ApiCall` from
 * `apiCaller`, which owns signing (through the credential), retries, the cancellable wait between
 * them and their logs. n8n's HTTP helper carries the user's proxy and TLS settings; the
 * credential's `authenticate` signs each request on the way out, so every attempt, retries
 * included, gets a fresh timestamp and sign.
 *
 * The answer is taken as raw text with every HTTP status: the core reads it (JSON whatever the
 * Content-Type says, ids never through a JS number) and decides what a status means.
 */
import type { ICredentialsDecrypted, IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { retryingCall, type ApiCall, type GatewaySend } from '../core/call';
import type { RetryPolicy } from '../core/retry';
import { executionClock } from './wait';

export { executionClock } from './wait';

export const CREDENTIAL_TYPE = 'wangdiantongApi';

export interface CallSettings {
	timeoutMs: number;
	retry: RetryPolicy;
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

/**
 * A sender bound to this execution. The credential is read once and handed to every request:
 * without it n8n looks the credential up again (in n8n, a database read and a decryption) for
 * each of the hundreds of batches a large run sends.
 */
function gatewaySend(context: IExecuteFunctions, timeoutMs: number, credentials: () => Promise<ICredentialsDecrypted>): GatewaySend {
	return async (script, params) => {
		const request: IHttpRequestOptions = {
			method: 'POST',
			url: script,
			body: params as IDataObject,
			timeout: timeoutMs,
			abortSignal: context.getExecutionCancelSignal(),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
		};
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, request, {
			credentialsDecrypted: await credentials(),
		})) as { statusCode?: number; body?: unknown };
		return { status: response.statusCode ?? 0, body: bodyText(response.body) };
	};
}

/**
 * `apiCaller(this)(settings)` gives the `ApiCall` an operation uses; the settings may differ per
 * item, the credential is read once per execution.
 */
export function apiCaller(context: IExecuteFunctions): (settings: CallSettings) => ApiCall {
	let decrypted: Promise<ICredentialsDecrypted> | undefined;
	const credentials = async (): Promise<ICredentialsDecrypted> => {
		decrypted ??= (async () => {
			const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
			const data = await context.getCredentials(CREDENTIAL_TYPE);
			return { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data };
		})();
		return await decrypted;
	};
	const clock = executionClock(context);
	return ({ timeoutMs, retry }) =>
		retryingCall(gatewaySend(context, timeoutMs, credentials), {
			retry,
			...clock,
			random: Math.random,
			onRetry: ({ label, attempt, delayMs, failure }) =>
				context.logger.warn(
					`Wangdiantong: ${label} attempt ${attempt} failed (${failure.kind}${failure.erpCode ? ` ${failure.erpCode}` : ''}); retrying in ${delayMs} ms`,
				),
		});
}
