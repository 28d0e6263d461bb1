/**
 * Recognising mappings that are nothing but a read of one field of the input item.
 *
 * n8n evaluates a parameter expression once per item, at a cost of about a fifth of a
 * millisecond on n8n 1.x (it builds a fresh data proxy and clock for each evaluation): for three
 * mappings over 5,000 items that is seconds, more than the network needs. The default mappings
 * (`={{ $json.rec_id }}` …) only read a field, so the node reads the field itself, with the same
 * result; anything else goes through n8n's evaluation.
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

/**
 * The field's value when a direct read gives exactly what n8n's evaluation would: a primitive
 * own property, or a missing one. `fallback` means "ask n8n" (objects and arrays, whose copies
 * and proxies n8n builds itself).
 */
export function readField(json: Record<string, unknown>, key: string): { value: unknown } | { fallback: true } {
	if (!Object.prototype.hasOwnProperty.call(json, key)) {
		// An inherited name (`constructor`, `toString`…) is n8n's business, not a missing field.
		return key in json ? { fallback: true } : { value: undefined };
	}
	const value = json[key];
	if (value !== null && (typeof value === 'object' || typeof value === 'function')) return { fallback: true };
	return { value };
}
