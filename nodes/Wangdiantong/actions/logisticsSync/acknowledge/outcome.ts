/**
 * What happened to each record of an acknowledgement run.
 */
import type { GatewayFailure } from '../../../core/failure';
import { recIdKey } from '../../../core/recId';
import { isNotPendingError } from './batch';
import type { AckRecord } from './record';

export type RecordOutcome =
	/**
	 * Accepted by the ERP, or no longer pending there (`noLongerPending`: the ERP answered
	 * `非待同步状态`, so an earlier ack took it). `byEarlierAttempt`: that earlier ack was an attempt
	 * of this very batch whose answer was lost.
	 */
	| { kind: 'acknowledged'; byEarlierAttempt: boolean; noLongerPending: boolean }
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
 * rejected — except `非待同步状态` ("no longer pending"): an earlier ack took the record, and
 * there is nothing left to do for it. That earlier ack is most often our own: an attempt of this
 * batch whose answer was lost (`earlierAttemptMayHaveLanded`), or, in n8n's queue mode with
 * "save execution progress", the attempt of a worker that died during this node, after which
 * n8n runs the node again with the same items. Calling such records refused would fire a
 * workflow's alert branch for records that are fine and end a sync loop early.
 */
export function outcomesForAnsweredBatch(
	records: readonly AckRecord[],
	errors: ReadonlyMap<string, string>,
	earlierAttemptMayHaveLanded: boolean,
): RecordOutcome[] {
	return records.map((record) => {
		const error = errors.get(recIdKey(record.recId));
		if (error === undefined) return { kind: 'acknowledged', byEarlierAttempt: false, noLongerPending: false };
		if (isNotPendingError(error)) {
			return { kind: 'acknowledged', byEarlierAttempt: earlierAttemptMayHaveLanded, noLongerPending: true };
		}
		return { kind: 'rejected', error };
	});
}
