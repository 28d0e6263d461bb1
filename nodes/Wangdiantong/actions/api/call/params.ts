/**
 * The business parameters of an API call, from name/value pairs or one JSON object, as the text
 * the gateway receives: every parameter travels as a form field (docs/PROTOCOL.md, "Request").
 *
 * - Objects and lists become their JSON text: openapi2 scripts take structured parameters
 *   (`logistics_list`, `stock_sync_list`, …) as one field holding JSON.
 * - Numbers and booleans become their text (`12`, `true`), as the credential writes them for
 *   n8n's HTTP Request node; the ERP's flags usually take 1 or 0.
 * - `null`, an absent value and `''` are not sent: the gateway signs an empty value as `0000-`
 *   and, as a PHP script, cannot tell an empty field from a missing one anyway.
 * - A JSON text is read losslessly: an integer beyond 2^53 (a rec_id, say) keeps every digit and
 *   is sent as text, never through a JS number (docs/PROTOCOL.md, "Big ids").
 *
 * Anything that could not be signed as the gateway checks it is refused here, before sending,
 * with the parameter named: a parameter the credential adds itself, a duplicate name, a lone
 * UTF-16 surrogate (no UTF-8 form).
 */
import { parseJsonLossless } from '../../../core/json';
import { isPlainObject } from '../../../core/plainObject';
import { businessParamsToSend } from '../../../core/request';
import { describeValue, findLoneSurrogate } from '../../../core/text';

export type ParamsCheck = { ok: true; params: Record<string, string> } | { ok: false; error: string };

export interface ParameterPair {
	name?: unknown;
	value?: unknown;
}

type ValueText = { text: string | undefined } | { error: string };

function jsonText(name: string, value: unknown): ValueText {
	try {
		return { text: JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner)) };
	} catch (error) {
		return { error: `Parameter "${name}" cannot be written as JSON (${(error as Error).message}): give plain data` };
	}
}

/** One value as the text sent; `text: undefined` for "not given". */
function valueText(name: string, value: unknown): ValueText {
	if (value === undefined || value === null || value === '') return { text: undefined };
	if (typeof value === 'string') return { text: value };
	if (typeof value === 'bigint' || typeof value === 'boolean') return { text: String(value) };
	if (typeof value === 'number') {
		return Number.isFinite(value)
			? { text: String(value) }
			: { error: `Parameter "${name}" is ${describeValue(value)}, which has no text form: give a number or text` };
	}
	if (Array.isArray(value) || isPlainObject(value)) return jsonText(name, value);
	return { error: `Parameter "${name}" is ${describeValue(value)}, which cannot be sent: give text, a number or JSON data` };
}

function collect(entries: ReadonlyArray<readonly [string, unknown]>): ParamsCheck {
	const params: Record<string, string> = {};
	const seen = new Set<string>();
	for (const [name, value] of entries) {
		if (seen.has(name)) return { ok: false, error: `Parameter "${name}" is given twice: keep one` };
		seen.add(name);
		if (findLoneSurrogate(name) !== -1) {
			return { ok: false, error: `A parameter name contains a broken character (a lone UTF-16 surrogate): retype "${name}"` };
		}
		const converted = valueText(name, value);
		if ('error' in converted) return { ok: false, error: converted.error };
		if (converted.text === undefined) continue;
		if (findLoneSurrogate(converted.text) !== -1) {
			return {
				ok: false,
				error: `Parameter "${name}" contains a broken character (a lone UTF-16 surrogate), which the gateway could not verify: fix the text`,
			};
		}
		params[name] = converted.text;
	}
	try {
		// The credential adds sid, appkey, timestamp and sign itself; the core refuses them here.
		return { ok: true, params: businessParamsToSend(params) };
	} catch (error) {
		return {
			ok: false,
			error: `${(error as Error).message}: remove it, the credential adds sid, appkey, timestamp and sign to every call`,
		};
	}
}

function pairName(name: unknown): string {
	if (typeof name === 'string') return name.trim();
	return name === undefined || name === null ? '' : String(name);
}

/** The Name/Value pairs of the editor. A row with neither is skipped; a value without a name is refused. */
export function paramsFromPairs(pairs: readonly ParameterPair[]): ParamsCheck {
	const entries: Array<[string, unknown]> = [];
	for (const [index, pair] of pairs.entries()) {
		const name = pairName(pair.name);
		if (name !== '') {
			entries.push([name, pair.value]);
			continue;
		}
		const value = valueText(`${index + 1}`, pair.value);
		if ('text' in value && value.text === undefined) continue;
		return { ok: false, error: `Parameter ${index + 1} has a value but no name: enter its name, as the script’s documentation spells it` };
	}
	return collect(entries);
}

/**
 * One JSON object whose fields are the parameters. Given as text (the editor's JSON field) or as
 * the object an expression produced.
 */
export function paramsFromJson(json: unknown): ParamsCheck {
	let value = json;
	if (typeof json === 'string') {
		if (json.trim() === '') return { ok: true, params: {} };
		try {
			value = parseJsonLossless(json);
		} catch (error) {
			return { ok: false, error: `JSON Parameters is not valid JSON (${(error as Error).message}): fix it, e.g. {"shop_no": "mall01"}` };
		}
	}
	if (!isPlainObject(value)) {
		const what = Array.isArray(value) ? 'a list' : describeValue(value);
		return {
			ok: false,
			error: `JSON Parameters must be one JSON object whose fields are the parameters, e.g. {"shop_no": "mall01"}; got ${what}`,
		};
	}
	return collect(Object.entries(value));
}
