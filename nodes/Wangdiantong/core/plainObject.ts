/**
 * Telling plain data from other objects, for every place that reads values it did not make: the
 * credential reading n8n's request options, API Call reading its parameters, Split Into Items
 * reading an answer.
 */

/**
 * An object that is only named fields: what a JSON object parses to, `{ ... }` written in an
 * expression, or `Object.create(null)` (Node's own header objects are made that way).
 *
 * Two tests, because each alone lets something through:
 * - Its tag is `[object Object]`: rules out arrays, Date, Map, Buffer and the typed arrays,
 *   URLSearchParams and the WHATWG FormData.
 * - Its prototype is null or an `Object.prototype`, i.e. an object whose own prototype is null:
 *   rules out class instances, whose tag is `[object Object]` too, yet whose fields are not
 *   their meaning (n8n's `$now`, a Luxon DateTime, would otherwise be sent as its internals;
 *   form-data's FormData and streams are class instances too). The prototype is not compared
 *   with our own `Object.prototype`: an object made in another realm (a vm context) has that
 *   realm's. n8n's proxies over plain objects report their target's prototype, so they pass.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	if (Object.prototype.toString.call(value) !== '[object Object]') return false;
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** The name of an object's kind: its tag (`Date`, `Map`), else its class (`DateTime`), if it has one. */
function objectTypeName(value: object): string | undefined {
	if (Buffer.isBuffer(value)) return 'Buffer';
	const tag = Object.prototype.toString.call(value).slice(8, -1);
	if (tag !== 'Object') return tag;
	const prototype: unknown = Object.getPrototypeOf(value);
	if (typeof prototype !== 'object' || prototype === null || !Object.hasOwn(prototype, 'constructor')) return undefined;
	const constructor = (prototype as { constructor?: unknown }).constructor;
	return typeof constructor === 'function' && constructor.name !== '' ? constructor.name : undefined;
}

/** What a value is, for a refusal: its kind, never its content (a refusal must not show what was sent). */
export function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (isPlainObject(value)) return 'an object';
	if (typeof value !== 'object') return `a ${typeof value}`;
	const type = objectTypeName(value);
	return type === undefined ? 'an object that is not plain data' : `an object of type ${type}`;
}
