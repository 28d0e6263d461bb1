/**
 * What the gateway's error codes mean and what the user should do (PROTOCOL.md, "Errors seen").
 *
 * Decisions rest on the structured `code` wherever the gateway gives one that is specific. Code 100
 * is not: it covers a bad sign, an unknown appkey, a skewed clock and a missing parameter alike, so
 * for code 100 the ERP's text is read to tell the user which of these to fix. Code 1007 is shared
 * too (a disabled appkey, or an unknown shop on shop-scoped calls), so its text is read to tell
 * the two apart. Rate limiting
 * is the other exception: PROTOCOL.md reports it under 1012 *and* under other codes whose text says
 * 频繁 / 频率 / 并发, so such text is treated as a rate limit whatever the code.
 */
import type { GatewayFailure } from './failure';

export const ERP_CODE_INVALID_REQUEST = '100';
export const ERP_CODE_APPKEY_DISABLED = '1007';
export const ERP_CODE_RATE_LIMITED = '1012';

/** Which part of the identity a code-100 answer blames, read from the ERP's text. */
export type IdentityProblem = 'sign' | 'appkey' | 'timestamp' | 'other';

export function identityProblemOf(erpMessage: string): IdentityProblem {
	const text = erpMessage.toLowerCase();
	if (text.includes('时间戳') || text.includes('timestamp')) return 'timestamp';
	if (text.includes('签名') || text.includes('sign')) return 'sign';
	if (text.includes('appkey') || text.includes('接口账号') || text.includes('app key')) return 'appkey';
	return 'other';
}

const RATE_LIMIT_WORDS = ['频繁', '频率', '并发'];

export function isRateLimited(erpCode: string, erpMessage: string): boolean {
	return erpCode === ERP_CODE_RATE_LIMITED || RATE_LIMIT_WORDS.some((w) => erpMessage.includes(w));
}

/** Code 1007 also answers shop-scoped calls for a shop the ERP does not have (`店铺不存在`). */
function isUnknownShop(erpMessage: string): boolean {
	return erpMessage.includes('店铺');
}

/** The gateway's accepted clock skew, in seconds: stated in fixes for timestamp errors. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

/** An English explanation with the fix, to stand beside the ERP's own (usually Chinese) text. */
export function explainErpError(erpCode: string, erpMessage: string): string {
	if (isRateLimited(erpCode, erpMessage)) {
		return 'The ERP is rate limiting this appkey. Wait a minute and run again, lower Concurrency, or raise Pause Between Batches.';
	}
	if (erpCode === ERP_CODE_APPKEY_DISABLED) {
		return isUnknownShop(erpMessage)
			? 'The ERP has no shop with this code: check Shop Code (店铺编号) against the ERP’s shop list.'
			: 'The appkey is disabled. Ask Wangdiantong (your account manager) to re-enable the 接口账号 appkey.';
	}
	if (erpCode === ERP_CODE_INVALID_REQUEST) {
		switch (identityProblemOf(erpMessage)) {
			case 'sign':
				return 'The gateway rejected the signature: the App Secret in the credential is wrong. Copy the appsecret again from the ERP open platform (自助对接).';
			case 'appkey':
				return 'The gateway does not know this appkey: check App Key (接口账号 appkey) and Seller Account (卖家账号 sid) in the credential.';
			case 'timestamp':
				return `The gateway rejected the timestamp: this machine's clock differs from Beijing time by more than ${TIMESTAMP_WINDOW_SECONDS} seconds (5 minutes), the most the gateway allows. Synchronise the clock (NTP) of the machine running n8n.`;
			default:
				return 'The gateway rejected the request (invalid sign, appkey, timestamp or a missing parameter). Check the credential and the node parameters.';
		}
	}
	return 'The ERP refused the request; its message says why.';
}

/** A gateway answer with `code` ≠ 0, as a failure. */
export function erpFailure(erpCode: string, erpMessage: string): GatewayFailure {
	const rateLimited = isRateLimited(erpCode, erpMessage);
	const credentialsRejected =
		!rateLimited &&
		(erpCode === ERP_CODE_INVALID_REQUEST || (erpCode === ERP_CODE_APPKEY_DISABLED && !isUnknownShop(erpMessage)));
	return {
		kind: 'erp',
		message: explainErpError(erpCode, erpMessage),
		erpCode,
		erpMessage,
		// Sign, appkey, timestamp and parameter errors fail the same way again; only rate limits pass.
		retryable: rateLimited,
		rateLimited,
		credentialsRejected,
		// The gateway refused the whole call: nothing in it was processed.
		mayHaveBeenProcessed: false,
	};
}
