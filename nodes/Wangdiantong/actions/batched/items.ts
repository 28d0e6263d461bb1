/**
 * Reading an operation's field mappings (rec_id, status… as the user mapped them) for every input item.
 */
import type { IExecuteFunctions, INodeExecutionData, ResourceMapperValue } from 'n8n-workflow';

import type { BatchedOperation, MappedValues } from '../../core/batched/operation';
import type { UnreadableValues } from '../../core/batched/plan';
import { fieldReading, readField, type FieldReading } from './fieldReference';

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * One parameter's value for one item, the way n8n's `getNodeParameter` returns it. Plain field
 * references and fixed values are read directly (see fieldReference.ts); the rest is evaluated.
 * A record mapped with the resource mapper is the item's JSON, or the mapped values read whole:
 * not `<parameter>.value`, for which n8n converts each value to the mapper's type and stops the
 * node on the first it cannot, where the operation's own check names the item and the field.
 */
export function readParameter(
	context: IExecuteFunctions,
	parameter: string,
	reading: FieldReading,
	item: INodeExecutionData,
	itemIndex: number,
): unknown {
	if (reading.kind === 'constant') return reading.value;
	if (reading.kind === 'item') return item.json;
	if (reading.kind === 'mapped') return (context.getNodeParameter(parameter, itemIndex) as ResourceMapperValue).value;
	if (reading.kind === 'field') {
		const direct = readField(item.json, reading.key);
		if ('value' in direct) return direct.value;
	}
	return context.getNodeParameter(parameter, itemIndex, undefined);
}

/**
 * One entry per input item, by field name. An expression that throws for one item (a typo, a
 * missing nested field) makes that item unreadable instead of failing the whole run.
 */
export function readMappings<R>(
	context: IExecuteFunctions,
	operation: BatchedOperation<R>,
	items: readonly INodeExecutionData[],
): Array<MappedValues | UnreadableValues> {
	const { parameters } = context.getNode();
	const { mappings } = operation;
	const readings = mappings.map(({ parameter }) => fieldReading(parameters[parameter]));
	return items.map((item, itemIndex) => {
		const mapped: Record<string, unknown> = {};
		for (let i = 0; i < mappings.length; i++) {
			const { parameter, field } = mappings[i];
			try {
				mapped[field] = readParameter(context, parameter, readings[i], item, itemIndex);
			} catch (error) {
				return {
					unreadable: { field, error: `${field} could not be read: its mapping expression failed: ${errorText(error)}` },
				};
			}
		}
		return mapped;
	});
}
