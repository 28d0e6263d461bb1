/**
 * One business parameter's value as the form text the gateway receives: the one rule for the
 * credential, whatever request n8n hands it (core/requestParams.ts), and for API Call's pairs or
 * JSON object (actions/api/call/params.ts). Each caller says where the parameter was and where
 * a refusal goes; what is sent, and what is refused, is decided here only.
 *
 * - `undefined`, `null` and `''` are "not given": nothing is sent (docs/PROTOCOL.md, "Request":
 *   an empty value is signed as `0000-`, and the vendor's client never sends one).
 * - Text as it is; numbers, booleans and bigints as their text, a bigint with every digit.
 * - A list or a plain object as its JSON text, as the gateway expects of `logistics_list` and its
 *   kin (docs/PROTOCOL.md, "Request"). A bigint inside travels as a JSON string of its digits, so
 *   the gateway's PHP never reads it as a float (docs/PROTOCOL.md, "Big ids"). Inside an object
 *   an `undefined` field is left out and inside a list it is `null`, as everywhere in JSON.
 *
 * Refused, naming the parameter (and where inside it) but never its content, because it could not
 * arrive as the user meant it:
 * - NaN and ±Infinity: no text form (JSON would silently write `null`).
 * - A whole number beyond 2^53: a JS number that large may already have been rounded, and an id
 *   rounded by one acknowledges another record. Bigints and digit text keep every digit.
 * - Dates, class instances (n8n's `$now`), Maps, Buffers, functions, symbols: JSON would silently
 *   write them as something else or drop them.
 * - A value that contains itself, and a lone UTF-16 surrogate (it has no UTF-8 form, and in JSON
 *   its escape is refused by PHP's json_decode), in the text or anywhere inside.
 */
import { isPlainObject, kindOf } from './plainObject';
import { findLoneSurrogate } from './text';

/**
 * `text` undefined: not given, send nothing. A refusal is the rest of a sentence that starts
 * `Parameter "name"` plus the caller's own words for where the parameter was.
 */
export type ParamText = { text: string | undefined } | { refusal: string };

/**
 * Where the writer is inside a structured value: the keys and indexes on the way down, empty for
 * the value itself. Only a refusal spells it out (`[0].weight`).
 */
type Path = Array<string | number>;

function pathText(path: Path): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') text += `[${key}]`;
		else text += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
	}
	return text;
}

/** Thrown inside the JSON writer to stop at the first problem; never leaves this file. */
class Refusal extends Error {}

/** `is X` for the value itself, `holds X at [0].y` for something inside it. */
function refuse(path: Path, what: string, rest: string): never {
	throw new Refusal(path.length === 0 ? `is ${what}, ${rest}` : `holds ${what} at ${pathText(path)}, ${rest}`);
}

function refuseBrokenText(path: Path): never {
	const at = path.length === 0 ? '' : ` at ${pathText(path)}`;
	throw new Refusal(
		`contains a broken character (a lone UTF-16 surrogate)${at}, which the gateway could not verify: fix the text`,
	);
}

function numberText(value: number, path: Path): string {
	if (!Number.isFinite(value)) refuse(path, `the number ${value}`, 'which has no text form: give a number or text');
	if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
		refuse(path, 'a whole number beyond 2^53', 'which may already have been rounded: give it as text, digit for digit');
	}
	return String(value);
}

function checkedText(text: string, path: Path): string {
	if (findLoneSurrogate(text) !== -1) refuseBrokenText(path);
	return text;
}

/**
 * The JSON text of `value`, or `undefined` where JSON leaves a field out. Written here rather than
 * by `JSON.stringify`, which turns NaN into `null`, a Date into its UTC ISO text and a class
 * instance into its fields without a word, and stops at a bigint.
 */
function jsonText(value: unknown, path: Path, ancestors: object[]): string | undefined {
	if (value === undefined) return undefined;
	if (value === null) return 'null';
	if (typeof value === 'string') return JSON.stringify(checkedText(value, path));
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'number') return numberText(value, path);
	if (typeof value === 'bigint') return `"${value.toString()}"`;
	if (Array.isArray(value) || isPlainObject(value)) {
		if (ancestors.includes(value)) {
			throw new Refusal(`contains itself at ${pathText(path)}, which JSON cannot write: give plain data`);
		}
		ancestors.push(value);
		const text = Array.isArray(value) ? listText(value, path, ancestors) : objectText(value, path, ancestors);
		ancestors.pop();
		return text;
	}
	return refuse(path, kindOf(value), 'which cannot be sent as it is: give it as text, a number or plain JSON data');
}

function listText(list: readonly unknown[], path: Path, ancestors: object[]): string {
	const parts: string[] = [];
	for (let index = 0; index < list.length; index++) {
		path.push(index);
		parts.push(jsonText(list[index], path, ancestors) ?? 'null');
		path.pop();
	}
	return `[${parts.join(',')}]`;
}

function objectText(object: Record<string, unknown>, path: Path, ancestors: object[]): string {
	const parts: string[] = [];
	for (const key of Object.keys(object)) {
		path.push(key);
		const text = jsonText(object[key], path, ancestors);
		if (text !== undefined) parts.push(`${JSON.stringify(checkedText(key, path))}:${text}`);
		path.pop();
	}
	return `{${parts.join(',')}}`;
}

/** One parameter value as the text signed and sent (see the rules above). */
export function paramText(value: unknown): ParamText {
	if (value === undefined || value === null || value === '') return { text: undefined };
	try {
		if (typeof value === 'string') return { text: checkedText(value, []) };
		if (typeof value === 'bigint' || typeof value === 'boolean') return { text: String(value) };
		if (typeof value === 'number') return { text: numberText(value, []) };
		return { text: jsonText(value, [], []) };
	} catch (error) {
		if (error instanceof Refusal) return { refusal: error.message };
		// A getter or a proxy that throws, or nesting deeper than the stack: the cause's own text
		// is not shown, since it may quote the value.
		return { refusal: 'cannot be written as JSON: give plain data' };
	}
}
