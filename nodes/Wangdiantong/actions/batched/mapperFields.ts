/**
 * The fields a record mapping (n8n's resource mapper) lists for a push operation: each under the
 * ERP's name with its meaning, the required core marked, codes as a list to pick from.
 */
import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import type { FieldKind, RecordField } from '../../core/recordFields';

/**
 * Amounts and whole numbers are text fields: n8n 1.x fills a required number field with 0 when the
 * user switches to mapping each field, and an unmapped `paid` would then go out as 0 instead of
 * being refused as missing. The operation's own check reads a number given as text.
 */
const TYPE_OF: Record<FieldKind, FieldType> = {
	text: 'string',
	amount: 'string',
	integer: 'string',
	dateTime: 'dateTime',
	code: 'options',
};

export function mapperFields(fields: readonly RecordField[]): ResourceMapperField[] {
	return fields.map((field) => ({
		id: field.id,
		displayName: `${field.id} (${field.meaning})`,
		required: field.required === true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: TYPE_OF[field.kind],
		...(field.codes
			? { options: Object.entries(field.codes).map(([code, meaning]) => ({ name: `${code} ${meaning}`, value: Number(code) })) }
			: {}),
	}));
}

/** The node method a record mapping calls for its fields (`methods.resourceMapping`). */
export function mapperMethod(fields: readonly RecordField[]): (this: ILoadOptionsFunctions) => Promise<ResourceMapperFields> {
	return async function () {
		return { fields: mapperFields(fields) };
	};
}
