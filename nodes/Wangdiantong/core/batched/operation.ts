/**
 * What a batched operation brings to the engine, and nothing more: its script and how a batch is
 * written into the request, its record (the fields it reads, their validation, the record's
 * identity, what the output says was sent) and the words its outputs and errors use. The engine
 * (plan.ts, answer.ts, run.ts here; actions/batched/ inside n8n) owns everything else: batching,
 * concurrency, retries, lost answers, routing, the Stop error and the tool output.
 */
import type { GatewayFailure } from '../failure';
import type { BusinessParams } from '../request';

/** One item's mapped values, by the record's field names (`rec_id`, `status`…). */
export type MappedValues = Readonly<Record<string, unknown>>;

export type Validation<R> = { ok: true; record: R } | { ok: false; field: string; error: string };

/** What an entry of the answer's per-record `errors` names. */
export type EntryKey =
	/** A record, in the form `identity.key` gives. */
	| { kind: 'key'; key: string }
	/** Nothing at all: the error cannot be tied to a record, so the answer is unreadable. */
	| { kind: 'missing' }
	/** Something that is no record id of ours ("abc", -3): it changes nothing. */
	| { kind: 'foreign' };

export interface BatchedOperation<R> {
	/** The openapi2 script, e.g. `logistics_sync_ack.php`. */
	script: string;
	/** A batch's business parameters, serialised once: every attempt signs and sends the same text. */
	batchParams(records: readonly R[]): BusinessParams;

	/** The node parameter that maps each field, in the order they are read from every item. */
	mappings: ReadonlyArray<{ parameter: string; field: string }>;
	validate(values: MappedValues): Validation<R>;
	identity: {
		/** The field a duplicate is reported on, e.g. `rec_id`. */
		field: string;
		/** Its name in the output object, e.g. `recId`. */
		outputName: string;
		/** The id as shown to the user. */
		of(record: R): string;
		/** The id as compared: two records with one key are one record to the ERP. */
		key(record: R): string;
		/** Why a second record with the key of item `firstItem` is refused. */
		duplicateError(id: string, firstItem: number): string;
	};
	/** What the output says was sent for this record. */
	sentFields(record: R): Record<string, unknown>;

	/** Reading the `errors` of a code-0 answer. */
	errorEntryKey(entry: Record<string, unknown>): EntryKey;
	/** A per-record error that means "already done by an earlier call" (logistics: 非待同步状态). */
	isAlreadyDone?(error: string): boolean;
	/** What a code-0 answer says of the whole call, reported with each of its records (trade_push: new_count, chg_count). */
	answerFields?(data: Record<string, unknown>): Record<string, unknown>;
	/**
	 * The records a refusal (`code` ≠ 0) names one by one, by key, with the ERP's error for each
	 * (trade_push's message can be JSON text of `[{tid, error}]`). Such an answer confirms none of
	 * the call's other records, so the engine sends them again without the refused ones. Undefined,
	 * or naming no record of the call: the call was refused as a whole.
	 */
	refusedRecords?(failure: GatewayFailure): ReadonlyMap<string, string> | undefined;

	/** The words of the outputs and the Stop error. */
	words: OperationWords;
}

export interface OperationWords {
	/** The key of the object added to every output item, e.g. `wdtAck`. */
	outputKey: string;
	/** The flag an AI agent reads on its one output, e.g. `acknowledged`. */
	doneFlag: string;
	/** The flag on a Failed item whose batch the ERP may have processed, e.g. `possiblyAcknowledged`. */
	possiblyDoneFlag: string;
	/** "acknowledge": Wangdiantong did not acknowledge batch 2 of 3. */
	verb: string;
	/** "Acknowledged", "Not acknowledged", "Possibly acknowledged": the Stop error's counts. */
	done: string;
	notDone: string;
	possiblyDone: string;
	/** What becomes of a record that was not done, e.g. "still pending at the ERP: the next Get Pending returns them". */
	notDoneMeans: string;
	/** Said of a Failed record whose batch the ERP may have processed, e.g. "the record may be acknowledged already". */
	mayBeDone: string;
}
