/**
 * Reading the rec_id / status / message mappings of every input item.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldReading, readField, type FieldReading } from './fieldReference';
import type { MappedValues, UnreadableValues } from './plan';
import type { AckField } from './record';

const FIELDS: ReadonlyArray<{ parameter: keyof MappedValues; field: AckField }> = [
	{ parameter: 'recId', field: 'rec_id' },
	{ parameter: 'status', field: 'status' },
	{ parameter: 'message', field: 'message' },
];

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * One parameter's value for one item, the way n8n's `getNodeParameter` returns it. Plain field
 * references and fixed values are read directly (see fieldReference.ts); the rest is evaluated.
 */
export function readParameter(
	context: IExecuteFunctions,
	parameter: string,
	reading: FieldReading,
	item: INodeExecutionData,
	itemIndex: number,
): unknown {
	if (reading.kind === 'constant') return reading.value;
	if (reading.kind === 'field') {
		const direct = readField(item.json, reading.key);
		if ('value' in direct) return direct.value;
	}
	return context.getNodeParameter(parameter, itemIndex, undefined);
}

/**
 * One entry per input item. An expression that throws for one item (a typo, a missing nested
 * field) makes that item unreadable instead of failing the whole run.
 */
export function readMappings(
	context: IExecuteFunctions,
	items: readonly INodeExecutionData[],
): Array<MappedValues | UnreadableValues> {
	const { parameters } = context.getNode();
	const readings = FIELDS.map(({ parameter }) => fieldReading(parameters[parameter]));
	return items.map((item, itemIndex) => {
		const mapped: Partial<MappedValues> = {};
		for (let i = 0; i < FIELDS.length; i++) {
			const { parameter, field } = FIELDS[i];
			try {
				mapped[parameter] = readParameter(context, parameter, readings[i], item, itemIndex);
			} catch (error) {
				return {
					unreadable: { field, error: `${field} could not be read: its mapping expression failed: ${errorText(error)}` },
				};
			}
		}
		return mapped as MappedValues;
	});
}
