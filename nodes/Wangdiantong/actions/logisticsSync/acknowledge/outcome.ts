/**
 * What happened to each record of an acknowledgement run.
 */
import type { GatewayFailure } from '../../../core/failure';
import { recIdKey } from '../../../core/recId';
import { isNotPendingError } from './batch';
import type { AckRecord } from './record';

export type RecordOutcome =
	/** Accepted by the ERP. `byEarlierAttempt`: confirmed as already acked after a retry. */
	| { kind: 'acknowledged'; byEarlierAttempt: boolean }
	/** The ERP answered for the batch but refused this record, with its own text. */
	| { kind: 'rejected'; error: string }
	/**
	 * The batch could not be delivered, or the ERP refused it as a whole. `sent` is false for
	 * records that were never tried because an earlier failure made sending pointless.
	 * `possiblyProcessed`: an attempt may have reached the ERP and been processed although its
	 * answer was lost (a reset or timeout after sending), so the record may have been acknowledged.
	 */
	| { kind: 'request_failed'; failure: GatewayFailure; attempts: number; sent: boolean; possiblyProcessed: boolean }
	/** Not sent: the execution was cancelled, or the run stopped at an earlier failed batch. */
	| { kind: 'not_sent'; why: 'cancelled' | 'stopped' };

/**
 * Outcomes for a batch the gateway answered with `code` 0. A record listed in `errors` is
 * rejected — except `非待同步状态` after an earlier attempt of this same batch may have been
 * processed: then the earlier attempt acknowledged it, and calling it a failure would be false.
 */
export function outcomesForAnsweredBatch(
	records: readonly AckRecord[],
	errors: ReadonlyMap<string, string>,
	earlierAttemptMayHaveLanded: boolean,
): RecordOutcome[] {
	return records.map((record) => {
		const error = errors.get(recIdKey(record.recId));
		if (error === undefined) return { kind: 'acknowledged', byEarlierAttempt: false };
		if (earlierAttemptMayHaveLanded && isNotPendingError(error)) {
			return { kind: 'acknowledged', byEarlierAttempt: true };
		}
		return { kind: 'rejected', error };
	});
}
