/**
 * Reading the rec_id / status / message mappings of every input item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { MappedValues, UnreadableValues } from '../core/ack/plan';
import type { AckField } from '../core/ack/record';

const FIELDS: ReadonlyArray<{ parameter: keyof MappedValues; field: AckField }> = [
	{ parameter: 'recId', field: 'rec_id' },
	{ parameter: 'status', field: 'status' },
	{ parameter: 'message', field: 'message' },
];

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * One entry per input item. An expression that throws for one item (a typo, a missing nested
 * field) makes that item unreadable instead of failing the whole run.
 */
export function readMappings(
	context: IExecuteFunctions,
	itemCount: number,
): Array<MappedValues | UnreadableValues> {
	const values: Array<MappedValues | UnreadableValues> = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const mapped: Partial<MappedValues> = {};
		let unreadable: UnreadableValues | undefined;
		for (const { parameter, field } of FIELDS) {
			try {
				mapped[parameter] = context.getNodeParameter(parameter, itemIndex, undefined);
			} catch (error) {
				unreadable = {
					unreadable: { field, error: `The ${field} mapping could not be evaluated: ${errorText(error)}` },
				};
				break;
			}
		}
		values.push(unreadable ?? (mapped as MappedValues));
	}
	return values;
}
