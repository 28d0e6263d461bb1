/**
 * What n8n's credential "Test" button checks, and the message it shows for each refusal.
 *
 * n8n's declarative credential test can only compare one response field with one value, so the
 * gateway's code-100 texts are listed one by one (the texts our mock gateway uses, modelled on the
 * gateway's), followed by catch-alls on the code itself (as a number and as a string, since it
 * arrives as either).
 */
import type { IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

import {
	ERP_CODE_APPKEY_DISABLED,
	ERP_CODE_INVALID_REQUEST,
	ERP_CODE_RATE_LIMITED,
	explainErpError,
} from '../core/failure';

/** Acknowledges record 0, which cannot exist: harmless, and allowed to every appkey using this package. */
export const CREDENTIAL_TEST_LOGISTICS_LIST = '[{"rec_id":"0","status":1,"message":"n8n credential test"}]';

/** The gateway's texts for the three identity problems the test tells apart. */
export const GATEWAY_IDENTITY_TEXTS = {
	sign: '签名错误',
	appkey: '无效的appkey',
	timestamp: '时间戳无效,请检查服务器时间',
} as const;

function rule(key: string, value: string | number, message: string): IAuthenticateRuleResponseSuccessBody {
	return { type: 'responseSuccessBody', properties: { key, value, message } };
}

function onCode(code: string, message: string): IAuthenticateRuleResponseSuccessBody[] {
	return [rule('code', Number(code), message), rule('code', code, message)];
}

export const credentialTestRules: IAuthenticateRuleResponseSuccessBody[] = [
	...Object.values(GATEWAY_IDENTITY_TEXTS).map((text) =>
		rule('message', text, `${text}: ${explainErpError(ERP_CODE_INVALID_REQUEST, text)}`),
	),
	...onCode(ERP_CODE_INVALID_REQUEST, explainErpError(ERP_CODE_INVALID_REQUEST, '')),
	...onCode(ERP_CODE_APPKEY_DISABLED, explainErpError(ERP_CODE_APPKEY_DISABLED, '')),
	...onCode(ERP_CODE_RATE_LIMITED, explainErpError(ERP_CODE_RATE_LIMITED, '')),
];
