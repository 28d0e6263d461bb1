/**
 * Recognising mappings that are nothing but a read of one field of the input item.
 *
 * n8n evaluates a parameter expression once per item, at a cost of about a fifth of a
 * millisecond on n8n 1.x (it builds a fresh data proxy and clock for each evaluation): for three
 * mappings over 5,000 items that is seconds, more than the network needs. The default mappings
 * (`={{ $json.rec_id }}` …, a push's `={{ $json.order_list }}`) only read a field, so the node
 * reads the field itself, with the same result; anything else goes through n8n's evaluation.
 */

import { isPlainObject } from '../../core/plainObject';

/** How a mapping parameter is read for each item. */
export type FieldReading =
	/** The value of one top-level field of the item's JSON. */
	| { kind: 'field'; key: string }
	/** A fixed value, the same for every item (not an expression). */
	| { kind: 'constant'; value: unknown }
	/** Anything else: n8n evaluates it per item. */
	| { kind: 'evaluate' }
	/** A whole record mapped with n8n's resource mapper, "Map Automatically": the item's JSON itself. */
	| { kind: 'item' }
	/** A whole record mapped field by field with the resource mapper: n8n evaluates the mapped values. */
	| { kind: 'mapped' };

const DOT_FIELD = /^=\{\{\s*\$json\.([A-Za-z_$][A-Za-z0-9_$]*)\s*\}\}$/;
const BRACKET_FIELD = /^=\{\{\s*\$json\[\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*\]\s*\}\}$/;

export function fieldReading(raw: unknown): FieldReading {
	if (isPlainObject(raw) && typeof raw.mappingMode === 'string') return raw.mappingMode === 'defineBelow' ? { kind: 'mapped' } : { kind: 'item' };
	if (typeof raw !== 'string') return raw === undefined ? { kind: 'evaluate' } : { kind: 'constant', value: raw };
	if (!raw.startsWith('=')) return { kind: 'constant', value: raw };
	const match = DOT_FIELD.exec(raw) ?? BRACKET_FIELD.exec(raw);
	if (!match) return { kind: 'evaluate' };
	return { kind: 'field', key: match[1] ?? match[2] ?? match[3] };
}

/** Nesting deeper than this (or circular) is left to n8n: real records are a few levels deep. */
const PLAIN_DEPTH_MAX = 16;

/**
 * Whether an object or array holds nothing but what JSON holds: text, numbers, booleans, null,
 * arrays and plain objects. For such a value n8n's evaluation hands out a copy-on-write view of
 * the very same content (n8n-workflow's augmentObject); it changes only what JSON cannot hold (a
 * Date or anything with toJSON, a RegExp, a Luxon DateTime, bytes), which this refuses.
 */
function isPlainData(value: object, depth: number): boolean {
	if (depth > PLAIN_DEPTH_MAX) return false;
	if (Array.isArray(value) ? Object.getPrototypeOf(value) !== Array.prototype : !isPlainObject(value)) return false;
	const entries: unknown[] = Array.isArray(value) ? value : Object.values(value);
	return entries.every((entry) => {
		if (entry === null || entry === undefined) return true;
		if (typeof entry === 'object') return isPlainData(entry, depth + 1);
		return typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean';
	});
}

/**
 * The field's value when a direct read gives what n8n's evaluation would: a primitive own
 * property, a missing one, or an object or array of plain JSON data (an order's `order_list`),
 * whose content n8n would hand out unchanged. Such a value is the item's own: callers copy
 * before they change anything, as they do with a record mapped whole. `fallback` means "ask
 * n8n": anything else (a Date, a DateTime, a class instance, a function), whose copies n8n makes
 * itself.
 */
export function readField(json: Record<string, unknown>, key: string): { value: unknown } | { fallback: true } {
	if (!Object.prototype.hasOwnProperty.call(json, key)) {
		// An inherited name (`constructor`, `toString`…) is n8n's business, not a missing field.
		return key in json ? { fallback: true } : { value: undefined };
	}
	const value = json[key];
	if (typeof value === 'function') return { fallback: true };
	if (value !== null && typeof value === 'object' && !isPlainData(value, 0)) return { fallback: true };
	return { value };
}
