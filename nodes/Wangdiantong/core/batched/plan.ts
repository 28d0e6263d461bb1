/**
 * From every item's mapped values to the records that will be sent and the items that will not.
 */
import type { BatchedOperation, MappedValues } from './operation';

/** A mapping that could not even be evaluated for an item (an expression error, say). */
export interface UnreadableValues {
	unreadable: { field: string; error: string };
}

export interface PlannedRecord<R> {
	/** Index of the input item this record came from. */
	itemIndex: number;
	record: R;
}

export interface InvalidItem {
	itemIndex: number;
	field: string;
	error: string;
	/** The record's id, when the item was refused as a duplicate. */
	id?: string;
}

export interface BatchPlan<R> {
	records: Array<PlannedRecord<R>>;
	invalid: InvalidItem[];
}

/**
 * Validates every item. A record whose key already appeared in an earlier item is refused: the
 * ERP keeps one state per record, and two reports of it in one run would contradict each other.
 */
export function planBatches<R>(operation: BatchedOperation<R>, values: ReadonlyArray<MappedValues | UnreadableValues>): BatchPlan<R> {
	const records: Array<PlannedRecord<R>> = [];
	const invalid: InvalidItem[] = [];
	const firstItemOf = new Map<string, number>();
	const { identity } = operation;
	values.forEach((value, itemIndex) => {
		if ('unreadable' in value && value.unreadable !== undefined) {
			invalid.push({ itemIndex, ...(value as UnreadableValues).unreadable });
			return;
		}
		const result = operation.validate(value as MappedValues);
		if (!result.ok) {
			invalid.push({ itemIndex, field: result.field, error: result.error });
			return;
		}
		const key = identity.key(result.record);
		const first = firstItemOf.get(key);
		if (first !== undefined) {
			const id = identity.of(result.record);
			invalid.push({ itemIndex, field: identity.field, error: identity.duplicateError(id, first), id });
			return;
		}
		firstItemOf.set(key, itemIndex);
		records.push({ itemIndex, record: result.record });
	});
	return { records, invalid };
}
