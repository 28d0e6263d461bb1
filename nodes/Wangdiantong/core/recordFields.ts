/**
 * Checking a record's known fields, as the push operations need it (trade_push, sales_refund_push,
 * api_goodsspec_push): each field has a kind, maybe a set of codes, and may be required. Only the
 * kind is checked; a value that passes is sent as it was given, but for date-times, which go as
 * the ERP's Beijing time.
 */
import { toBeijingDateTime } from './beijingTime';
import { isPlainObject } from './plainObject';
import { describeValue } from './text';

export type FieldKind =
	/** Passed as given. */
	| 'text'
	/** A decimal: a number, or the same number as text. Passed as given. */
	| 'amount'
	/** Any form of date-time; sent as Beijing time, `yyyy-MM-dd HH:mm:ss`. */
	| 'dateTime'
	/** One of `codes`: a whole number, or its digits as text. Passed as given. */
	| 'code'
	/** A whole number, or its digits as text. Passed as given. */
	| 'integer';

export interface RecordField {
	id: string;
	/** The ERP's name for it, shown in the editor beside the id. */
	meaning: string;
	kind: FieldKind;
	required?: boolean;
	/** Required, yet an empty text is sent as it is (the vendor's own demo sends buyer_nick empty). */
	emptyAllowed?: boolean;
	codes?: Readonly<Record<number, string>>;
}

/** Optional text fields, by id with their meaning: most fields of a record are these. */
export function optionalTexts(meanings: Readonly<Record<string, string>>): RecordField[] {
	return Object.entries(meanings).map(([id, meaning]) => ({ id, meaning, kind: 'text' }));
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const WHOLE = /^-?\d+$/;

export const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

function codeList(codes: Readonly<Record<number, string>>): string {
	return Object.entries(codes).map(([code, meaning]) => `${code} (${meaning})`).join(', ');
}

/**
 * Why `value` cannot be field `field`, or the value to send (date-times converted). The value is
 * described only for a refusal: the check runs for every field of every record.
 */
function check(field: RecordField, value: unknown): { error: string } | { value: unknown } {
	const got = () => `got ${describeValue(value)}`;
	switch (field.kind) {
		case 'text':
			return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
				? { value }
				: { error: `must be text, ${got()}` };
		case 'amount':
			return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL.test(value.trim()))
				? { value }
				: { error: `must be an amount (a decimal number such as 12.50), ${got()}` };
		case 'integer':
			return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && WHOLE.test(value.trim()))
				? { value }
				: { error: `must be a whole number, ${got()}` };
		case 'code': {
			const code = typeof value === 'number' ? value : typeof value === 'string' && WHOLE.test(value.trim()) ? Number(value) : NaN;
			return field.codes && Object.hasOwn(field.codes, code) ? { value } : { error: `must be one of ${codeList(field.codes ?? {})}, ${got()}` };
		}
		case 'dateTime': {
			const text = toBeijingDateTime(value);
			return text === undefined
				? { error: `must be a date-time (ISO 8601 with its zone, yyyy-MM-dd HH:mm:ss in Beijing time, epoch seconds or milliseconds, or a DateTime), ${got()}` }
				: { value: text };
		}
	}
}

/** Checks `source`'s known fields, writing converted values into `target`: the first problem, if any. */
export function checkFields(
	fields: readonly RecordField[],
	source: Record<string, unknown>,
	target: Record<string, unknown>,
	where: (id: string) => string,
): { field: string; error: string } | undefined {
	for (const field of fields) {
		const value = source[field.id];
		// A text of spaces names nothing: a tid of " " would be an order without a tid.
		const blankText = field.kind === 'text' && typeof value === 'string' && value.trim() === '';
		if ((isEmpty(value) || blankText) && !(field.emptyAllowed && typeof value === 'string')) {
			if (field.required) return { field: field.id, error: `${where(field.id)} is missing: the ERP requires it (${field.meaning})` };
			continue;
		}
		const result = check(field, value);
		if ('error' in result) return { field: field.id, error: `${where(field.id)} ${result.error}` };
		if (result.value !== value) target[field.id] = result.value;
	}
	return undefined;
}


export interface LinesSpec {
	/** The list's field, e.g. `order_list`. */
	name: string;
	/** What the record is, for the messages: "order", "refund"; and with its article, "an order". */
	record: string;
	aRecord: string;
	fields: readonly RecordField[];
	/** A further check of one line, after its fields passed: its problem, if any. */
	lineProblem?(line: Record<string, unknown>, index: number, earlier: ReadonlyArray<Record<string, unknown>>): string | undefined;
}

/** A record's lines: a non-empty list of objects, each line's known fields checked. */
export function checkLines(value: unknown, spec: LinesSpec): { lines: Array<Record<string, unknown>> } | { error: string } {
	const { name, record } = spec;
	if (!Array.isArray(value)) return { error: `${name} must be the list of the ${record}'s lines, got ${describeValue(value)}` };
	if (value.length === 0) return { error: `${name} is empty: ${spec.aRecord} needs at least one line` };
	const checked: Array<Record<string, unknown>> = [];
	for (let i = 0; i < value.length; i++) {
		const line: unknown = value[i];
		if (!isPlainObject(line)) return { error: `${name}[${i}] must be an object (one line of the ${record}), got ${describeValue(line)}` };
		const copy = { ...line };
		const problem = checkFields(spec.fields, line, copy, (id) => `${name}[${i}].${id}`);
		if (problem !== undefined) return { error: problem.error };
		const further = spec.lineProblem?.(line, i, checked);
		if (further !== undefined) return { error: further };
		checked.push(copy);
	}
	return { lines: checked };
}
