/**
 * From mapped item values to the records that will be sent and the items that will not.
 */
import { recIdKey } from '../../../core/recId';
import { validateAckRecord, type AckField, type AckRecord } from './record';

export interface MappedValues {
	recId: unknown;
	status: unknown;
	message: unknown;
}

/** A mapping that could not even be evaluated for an item (an expression error, say). */
export interface UnreadableValues {
	unreadable: { field: AckField; error: string };
}

export interface PlannedRecord {
	/** Index of the input item this record came from. */
	itemIndex: number;
	record: AckRecord;
}

export interface InvalidItem {
	itemIndex: number;
	field: AckField;
	error: string;
	/** The raw mapped values, for the Failed output; rec_id only when it was readable. */
	recId?: string;
}

export interface AckPlan {
	records: PlannedRecord[];
	invalid: InvalidItem[];
}

/**
 * Validates every item. A record id that already appeared in an earlier item is refused: the ERP
 * keeps one sync state per record, and two acks of it in one run would contradict each other (the
 * second would also come back `非待同步状态`).
 */
export function planAcknowledgement(values: ReadonlyArray<MappedValues | UnreadableValues>): AckPlan {
	const records: PlannedRecord[] = [];
	const invalid: InvalidItem[] = [];
	const firstItemOf = new Map<string, number>();
	values.forEach((value, itemIndex) => {
		if ('unreadable' in value) {
			invalid.push({ itemIndex, ...value.unreadable });
			return;
		}
		const result = validateAckRecord(value.recId, value.status, value.message);
		if (!result.ok) {
			invalid.push({ itemIndex, field: result.field, error: result.error });
			return;
		}
		const key = recIdKey(result.record.recId);
		const first = firstItemOf.get(key);
		if (first !== undefined) {
			invalid.push({
				itemIndex,
				field: 'rec_id',
				error: `rec_id ${result.record.recId} already appears in item ${first}: each record is acknowledged once per run`,
				recId: result.record.recId,
			});
			return;
		}
		firstItemOf.set(key, itemIndex);
		records.push({ itemIndex, record: result.record });
	});
	return { records, invalid };
}
