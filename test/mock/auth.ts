/**
 * The public-parameter checks, in the real gateway's order: present, appkey known (and matching
 * the sid), appkey enabled, timestamp within the window, sign. The first failure answers.
 */
import { param } from './form';
import {
	APPKEY_DISABLED,
	CODE_DISABLED,
	CODE_PARAM,
	INVALID_APPKEY,
	SIGN_MISMATCH,
	TIMESTAMP_INVALID,
	missingParam,
} from './messages';
import { errorReply, type Reply } from './reply';
import type { MockAccount } from './types';
import { isSignValid } from './verify';

const PUBLIC_PARAMS = ['sid', 'appkey', 'timestamp', 'sign'] as const;

export interface AuthSettings {
	accounts: ReadonlyMap<string, MockAccount>;
	nowMs: number;
	windowSeconds: number;
}

export type AuthResult = { ok: true; account: MockAccount } | { ok: false; reply: Reply };

function timestampAcceptable(raw: string, nowMs: number, windowSeconds: number): boolean {
	if (!/^\d{10}$/.test(raw)) return false;
	return Math.abs(Number(raw) - Math.floor(nowMs / 1000)) <= windowSeconds;
}

export function authenticate(
	params: Readonly<Record<string, string>>,
	settings: AuthSettings,
): AuthResult {
	// An empty value counts as missing, as PHP's empty() would have it.
	for (const name of PUBLIC_PARAMS) {
		if (!param(params, name))
			return { ok: false, reply: errorReply(CODE_PARAM, missingParam(name)) };
	}
	const account = settings.accounts.get(params.appkey);
	if (account === undefined || account.sid !== params.sid) {
		return { ok: false, reply: errorReply(CODE_PARAM, INVALID_APPKEY) };
	}
	if (account.disabled) return { ok: false, reply: errorReply(CODE_DISABLED, APPKEY_DISABLED) };
	if (!timestampAcceptable(params.timestamp, settings.nowMs, settings.windowSeconds)) {
		return { ok: false, reply: errorReply(CODE_PARAM, TIMESTAMP_INVALID) };
	}
	if (!isSignValid(params, account.appSecret)) {
		return { ok: false, reply: errorReply(CODE_PARAM, SIGN_MISMATCH) };
	}
	return { ok: true, account };
}
