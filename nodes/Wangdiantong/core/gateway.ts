/**
 * Where the openapi2 gateway lives (docs/PROTOCOL.md, "Gateway and scripts"). One PHP script per API under a base.
 * Not to be confused with 旗舰版 (`wdt.wangdian.cn/openapi`) or the Qimen route: other protocols.
 */
export type GatewayEnvironment = 'production' | 'sandbox' | 'custom';

export const GATEWAY_BASES: Readonly<Record<Exclude<GatewayEnvironment, 'custom'>, string>> = {
	production: 'https://api.wangdian.cn/openapi2/',
	sandbox: 'https://sandbox.wangdian.cn/openapi2/',
};

export class GatewayConfigError extends Error {
	readonly code = 'WDT_GATEWAY_CONFIG';

	constructor(message: string) {
		super(message);
		this.name = 'GatewayConfigError';
	}
}

/**
 * The gateway base URL, always ending in `/` so that `new URL('x.php', base)` stays under it.
 * A custom base must be an absolute http(s) URL without query or fragment: a query string would be
 * sent to (and signed by) the gateway, breaking every sign.
 */
export function resolveGatewayBase(environment: string, customBaseUrl?: string): string {
	if (environment === 'production' || environment === 'sandbox') {
		return GATEWAY_BASES[environment];
	}
	if (environment !== 'custom') {
		throw new GatewayConfigError(
			`Unknown environment "${environment}": choose production, sandbox or custom`,
		);
	}
	const raw = (customBaseUrl ?? '').trim();
	if (!URL.canParse(raw)) {
		throw new GatewayConfigError(
			`The custom gateway base URL "${raw}" is not a valid URL: use a form such as https://api.wangdian.cn/openapi2`,
		);
	}
	const url = new URL(raw);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new GatewayConfigError(`The custom gateway base URL must start with http:// or https://`);
	}
	if (url.search || url.hash) {
		throw new GatewayConfigError(
			'The custom gateway base URL must not carry a query string or fragment: the gateway would sign it too',
		);
	}
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url.toString();
}

/** Full URL of one API script, e.g. `logistics_sync_ack.php`. */
export function apiUrl(base: string, api: string): string {
	return new URL(api, base).toString();
}
