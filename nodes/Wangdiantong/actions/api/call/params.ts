/**
 * The business parameters of an API call, from name/value pairs or one JSON object, as the text
 * the gateway receives: every parameter travels as a form field (docs/PROTOCOL.md, "Request").
 *
 * Each value becomes its text by the one rule the credential follows for n8n's HTTP Request node
 * too (core/paramText.ts): objects and lists as their JSON text, numbers and booleans as their
 * text, `null`, an absent value and `''` not sent, and what could not arrive as meant (NaN, a
 * Date, a lone UTF-16 surrogate, …) refused with the parameter named. A JSON text is read
 * losslessly: an integer beyond 2^53 (a rec_id, say) keeps every digit and is sent as text,
 * never through a JS number (docs/PROTOCOL.md, "Big ids").
 *
 * What is API Call's own is checked here, before sending: a parameter the credential adds
 * itself, a duplicate name, a name with a lone surrogate, a value without a name.
 */
import { parseJsonLossless } from '../../../core/json';
import { paramText } from '../../../core/paramText';
import { isPlainObject, kindOf } from '../../../core/plainObject';
import { businessParamsToSend } from '../../../core/request';
import { describeValue, findLoneSurrogate } from '../../../core/text';

export type ParamsCheck = { ok: true; params: Record<string, string> } | { ok: false; error: string };

export interface ParameterPair {
	name?: unknown;
	value?: unknown;
}

/** One value as the text sent (`undefined`: not given), or the refusal naming the parameter. */
function valueText(name: string, value: unknown): { text: string | undefined } | { error: string } {
	const converted = paramText(value);
	return 'refusal' in converted ? { error: `Parameter "${name}" ${converted.refusal}` } : converted;
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
		const value = paramText(pair.value);
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
		// An object's kind (a list, a DateTime, …), never "an object" for what is not a plain one.
		const what = typeof value === 'object' && value !== null ? kindOf(value) : describeValue(value);
		return {
			ok: false,
			error: `JSON Parameters must be one JSON object whose fields are the parameters, e.g. {"shop_no": "mall01"}; got ${what}`,
		};
	}
	return collect(Object.entries(value));
}
