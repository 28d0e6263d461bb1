/**
 * What the push scripts share (trade_push, sales_refund_push, api_goodsspec_push): the words
 * "pushed", the call's counts in a code-0 answer, and refusals whose `message` lists the refused
 * records as JSON (docs/PROTOCOL.md, "trade_push").
 */
import type { GatewayFailure } from '../failure';
import { parseJsonLossless } from '../json';
import { isPlainObject } from '../plainObject';
import { recordErrorText } from './answer';
import type { BatchedOperation, EntryKey, OperationWords } from './operation';

/** Self-built shops are platform 127 at the ERP; the refund and goods scripts send it with the shop. */
export const SELF_BUILT_PLATFORM_ID = 127;

export const pushWords: OperationWords = {
	outputKey: 'wdtPush',
	doneFlag: 'pushed',
	possiblyDoneFlag: 'possiblyPushed',
	verb: 'push',
	done: 'Pushed',
	notDone: 'Not pushed',
	possiblyDone: 'Possibly pushed',
	notDoneMeans: 'not in the ERP from this run: push them again, a re-push is an update',
	mayBeDone: 'the record may be in the ERP already, and pushing it again is safe (a re-push is an update)',
};

/** An id the ERP or the user wrote: text or a number, as trimmed text; nothing else. */
export function idText(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
}

/** `new_count` and `chg_count` of a code-0 answer: how many records the call created and changed. */
export function pushCounts(data: Record<string, unknown>): Record<string, unknown> {
	const counts: Record<string, unknown> = {};
	if (data.new_count !== undefined) counts.newCount = data.new_count;
	if (data.chg_count !== undefined) counts.chgCount = data.chg_count;
	return counts;
}

/** An entry of a list of per-record errors, named by its `field` (`tid`…). */
export function entryKeyBy(field: string): (entry: Record<string, unknown>) => EntryKey {
	return (entry) => {
		const value = entry[field];
		if (value === undefined || value === null || value === '') return { kind: 'missing' };
		const key = idText(value);
		return key === undefined ? { kind: 'foreign' } : { kind: 'key', key };
	};
}

/**
 * A refusal whose `message` is JSON text of `[{<field>, error}]` names the records it refused
 * (trade_push: `[{tid, error}]`, as two public clients read it); a plain text names none.
 */
export function refusalsListedBy(field: string): (failure: GatewayFailure) => ReadonlyMap<string, string> | undefined {
	return (failure) => {
		const text = failure.kind === 'erp' ? (failure.erpMessage ?? '').trim() : '';
		if (!text.startsWith('[')) return undefined;
		let list: unknown;
		try {
			list = parseJsonLossless(text);
		} catch {
			return undefined;
		}
		if (!Array.isArray(list)) return undefined;
		const refused = new Map<string, string>();
		for (const entry of list) {
			const key = isPlainObject(entry) ? idText(entry[field]) : undefined;
			if (key === undefined || refused.has(key)) continue;
			refused.set(key, recordErrorText(isPlainObject(entry) ? entry.error : undefined));
		}
		return refused.size > 0 ? refused : undefined;
	};
}

/** A record pushed under an id of its own (an order's tid, a refund's refund_no): the id, and the record as it is sent. */
export interface PushRecord {
	id: string;
	body: Record<string, unknown>;
}

/**
 * What a push of records named by one id field brings to the engine besides its script and its
 * check: the identity (`field` in the item, `outputName` on the output, the `noun` in messages),
 * per-record errors and refusals keyed by it, the call's counts and the words.
 */
export function pushedById(field: string, outputName: string, noun: string): Omit<BatchedOperation<PushRecord>, 'script' | 'batchParams' | 'mappings' | 'validate'> {
	return {
		identity: {
			field,
			outputName,
			of: (record) => record.id,
			key: (record) => record.id,
			duplicateError: (id, firstItem) => `${field} ${id} already appears in item ${firstItem}: each ${noun} is pushed once per run`,
		},
		sentFields: (record) => ({ [outputName]: record.id }),
		errorEntryKey: entryKeyBy(field),
		answerFields: pushCounts,
		refusedRecords: refusalsListedBy(field),
		words: pushWords,
	};
}
