/**
 * Reading a batch's answer: the per-record `errors` of a code-0 answer, and what each record's
 * outcome is (docs/PROTOCOL.md, "logistics_sync_ack": the shape every acknowledging script shares).
 */
import type { Interpretation } from '../call';
import { unreadableAnswer, type GatewayFailure } from '../failure';
import { redactSigns } from '../redact';
import type { BatchedOperation } from './operation';

export type RecordOutcome =
	/**
	 * Taken by the ERP, or already done there (`noLongerPending`: the ERP answered that an earlier
	 * call took the record, e.g. 非待同步状态). `byEarlierAttempt`: that earlier call may have been
	 * an attempt of this very batch whose answer was lost.
	 */
	| { kind: 'accepted'; byEarlierAttempt: boolean; noLongerPending: boolean; answer?: Record<string, unknown> }
	/** The ERP answered for the batch but refused this record, with its own text. */
	| { kind: 'rejected'; error: string }
	/**
	 * The batch could not be delivered, or the ERP refused it as a whole. `sent` is false for
	 * records that were never tried because an earlier failure made sending pointless.
	 * `possiblyProcessed`: an attempt may have reached the ERP and been processed although its
	 * answer was lost (a reset or timeout after sending).
	 */
	| { kind: 'request_failed'; failure: GatewayFailure; attempts: number; sent: boolean; possiblyProcessed: boolean }
	/** Not sent: the execution was cancelled, or the run stopped at an earlier failed batch. */
	| { kind: 'not_sent'; why: 'cancelled' | 'stopped' };

export type PerRecordErrors = Interpretation<Map<string, string>>;

/** A per-record error as the output says it: the ERP's text (signs redacted), or that it gave none. */
export function recordErrorText(error: unknown): string {
	return typeof error === 'string' && error !== '' ? redactSigns(error) : 'The ERP rejected this record without a reason';
}

function unreadableErrors(message: string): PerRecordErrors {
	// The batch was answered, so the gateway may well have applied it.
	return { ok: false, failure: unreadableAnswer(message, true) };
}

/**
 * The `errors` of a code-0 answer, by record key. Absent, null or empty means every record was
 * accepted. An `errors` that is not a list, or an entry that names no record, cannot be mapped to
 * records: guessing would call a refused record done, so the answer is reported unreadable
 * instead (and retried: the retry reads "already done" correctly). Entries that name no record of
 * ours change nothing; for a duplicated key the first error is kept.
 */
export function readPerRecordErrors<R>(operation: BatchedOperation<R>, data: Record<string, unknown>): PerRecordErrors {
	const { errors } = data;
	const map = new Map<string, string>();
	if (errors === undefined || errors === null || errors === '') return { ok: true, value: map };
	if (!Array.isArray(errors)) {
		return unreadableErrors('The gateway answered code 0 with an `errors` field that is not a list');
	}
	for (const entry of errors) {
		const fields = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
		const named = operation.errorEntryKey(fields);
		if (named.kind === 'missing') {
			return unreadableErrors(`The gateway answered code 0 with an error it did not tie to a record (no ${operation.identity.field})`);
		}
		if (named.kind === 'foreign' || map.has(named.key)) continue;
		const { error } = fields;
		map.set(named.key, recordErrorText(error));
	}
	return { ok: true, value: map };
}

/**
 * Outcomes for a batch the gateway answered with code 0. A record listed in `errors` is rejected,
 * except an "already done" error (`isAlreadyDone`): an earlier call took the record and there is
 * nothing left to do for it. That earlier call is most often our own: an attempt of this batch
 * whose answer was lost (`earlierAttemptMayHaveLanded`), or, in n8n's queue mode with "save
 * execution progress", the attempt of a worker that died during this node, after which n8n runs
 * the node again with the same items. Calling such records refused would fire a workflow's alert
 * branch for records that are fine and end a sync loop early.
 */
export function outcomesForAnsweredBatch<R>(
	operation: BatchedOperation<R>,
	records: readonly R[],
	errors: ReadonlyMap<string, string>,
	earlierAttemptMayHaveLanded: boolean,
): RecordOutcome[] {
	return records.map((record) => {
		const error = errors.get(operation.identity.key(record));
		if (error === undefined) return { kind: 'accepted', byEarlierAttempt: false, noLongerPending: false };
		if (operation.isAlreadyDone?.(error)) {
			return { kind: 'accepted', byEarlierAttempt: earlierAttemptMayHaveLanded, noLongerPending: true };
		}
		return { kind: 'rejected', error };
	});
}

/** The reader a batch's call uses: per-record errors, then each record's outcome. */
export function batchAnswerReader<R>(operation: BatchedOperation<R>, records: readonly R[]) {
	return (data: Record<string, unknown>, earlierAttemptMayHaveLanded: boolean): Interpretation<RecordOutcome[]> => {
		const errors = readPerRecordErrors(operation, data);
		if (!errors.ok) return errors;
		const outcomes = outcomesForAnsweredBatch(operation, records, errors.value, earlierAttemptMayHaveLanded);
		const answer = operation.answerFields?.(data);
		if (answer !== undefined) for (const outcome of outcomes) if (outcome.kind === 'accepted') outcome.answer = answer;
		return { ok: true, value: outcomes };
	};
}
