/**
 * The script an API call goes to. The transport joins it to the credential's gateway base
 * (docs/PROTOCOL.md, "Gateway and scripts": one PHP script per API, all under one base), so only
 * a bare `name.php` is accepted: a `/` or `..` would leave the base, `?` and `#` would add a query
 * string the gateway signs (and we did not), `%` could smuggle any of them in encoded, and an
 * absolute URL would send the signed request, the account's sid and appkey with it, elsewhere.
 */

const PLAIN_SCRIPT = /^[A-Za-z0-9_]+\.php$/;

export type ScriptCheck = { ok: true; script: string } | { ok: false; error: string };

/** What the user probably meant, when a bad name hides a good one (a pasted URL, a missing `.php`). */
function suggestion(text: string): string | undefined {
	const lastSegment = text.split(/[?#]/)[0].split('/').pop() ?? '';
	if (PLAIN_SCRIPT.test(lastSegment) && lastSegment !== text) return lastSegment;
	if (/^[A-Za-z0-9_]+$/.test(text)) return `${text}.php`;
	if (/^[A-Za-z0-9_]+\.php$/i.test(text)) return text.replace(/\.php$/i, '.php');
	return undefined;
}

/**
 * A script name as the gateway serves it, e.g. `trade_push.php`. Surrounding whitespace (a paste)
 * is dropped; anything else that is not letters, digits and `_` before `.php` is refused.
 */
export function checkScriptName(value: unknown): ScriptCheck {
	if (typeof value !== 'string' || value.trim() === '') {
		return { ok: false, error: 'Script is empty: enter the openapi2 script to call, such as trade_push.php' };
	}
	const text = value.trim();
	if (PLAIN_SCRIPT.test(text)) return { ok: true, script: text };
	const better = suggestion(text);
	const fix = better
		? `enter "${better}"`
		: 'enter only the script’s file name, such as trade_push.php (letters, digits and _ before .php)';
	return {
		ok: false,
		error: `Script "${text}" is not a plain openapi2 script name: ${fix}. The gateway’s address comes from the credential.`,
	};
}
