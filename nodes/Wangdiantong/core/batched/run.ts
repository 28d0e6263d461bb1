/**
 * Sending records in signed batches and deciding each record's outcome.
 *
 * Pure orchestration: the gateway call (with its retries), the clock (`sleep`) and cancellation
 * come from the caller, so the same code runs inside n8n (through its HTTP helper) and in tests
 * and benchmarks (through undici).
 */
import type { ApiCall } from '../call';
import type { GatewayFailure } from '../failure';
import { batchAnswerReader, type RecordOutcome } from './answer';
import type { BatchedOperation } from './operation';

export interface BatchRunOptions<R> {
	operation: BatchedOperation<R>;
	records: readonly R[];
	batchSize: number;
	/** Batches in flight at once. 1 keeps strict input order on the wire. */
	concurrency: number;
	/** Wait after each batch before the same worker sends its next one. */
	pauseBetweenBatchesMs: number;
	/** Stop at the first batch that fails after retries (n8n's On Error = Stop) instead of going on. */
	stopOnBatchFailure: boolean;
	/** The gateway, with retries; signs every attempt afresh. */
	call: ApiCall;
	sleep: (ms: number) => Promise<void>;
	isCancelled: () => boolean;
}

export interface BatchFailure {
	/** 1-based. */
	batchNumber: number;
	batchCount: number;
	/** Index in `records` of the batch's first record. */
	firstRecord: number;
	recordCount: number;
	failure: GatewayFailure;
	attempts: number;
}

export interface BatchRunResult {
	/** Aligned with `records`. */
	outcomes: RecordOutcome[];
	/** The failed batch that stopped the run, when `stopOnBatchFailure` is set. */
	stoppedBy?: BatchFailure;
	cancelled: boolean;
}

/** A batch's outcomes (refused records included), and what failed the rest of it, if anything did. */
interface SentBatch {
	outcomes: Array<RecordOutcome | undefined>;
	failed?: { failure: GatewayFailure; attempts: number; mayHaveLanded: boolean; left: number[] };
}

/**
 * One batch, through the call's retries. A refusal that names records one by one (`refusedRecords`)
 * settles those, and confirms none of the others: they are sent again without the refused ones —
 * safe, since the scripts that answer this way update what they already have — until an answer
 * settles them or the rest is refused as a whole. Each round removes a record, so this ends.
 */
async function sendBatch<R>(operation: BatchedOperation<R>, batch: readonly R[], batchNumber: number, call: ApiCall, halted: () => boolean): Promise<SentBatch> {
	const outcomes: Array<RecordOutcome | undefined> = new Array(batch.length);
	let left = batch.map((_, i) => i);
	for (;;) {
		const records = left.map((i) => batch[i]);
		const refusedSoFar = batch.length - left.length;
		const result = await call({
			script: operation.script,
			// Serialised once per round: every attempt sends (and signs) the very same text.
			params: operation.batchParams(records),
			read: batchAnswerReader(operation, records),
			label: refusedSoFar === 0 ? `batch ${batchNumber}` : `batch ${batchNumber} without its ${refusedSoFar} refused`,
		});
		if (result.ok) {
			result.value.forEach((outcome, j) => (outcomes[left[j]] = outcome));
			return { outcomes };
		}
		const refused = operation.refusedRecords?.(result.failure);
		const named = refused === undefined ? [] : left.filter((i) => refused.has(operation.identity.key(batch[i])));
		if (refused === undefined || named.length === 0) {
			const { failure, attempts, mayHaveLanded } = result;
			return { outcomes, failed: { failure, attempts, mayHaveLanded, left } };
		}
		for (const i of named) outcomes[i] = { kind: 'rejected', error: refused.get(operation.identity.key(batch[i])) ?? '' };
		left = left.filter((i) => outcomes[i] === undefined);
		// Whatever is left unsent here is reported as not sent, like any batch after a halt.
		if (left.length === 0 || halted()) return { outcomes };
	}
}

export async function runInBatches<R>(options: BatchRunOptions<R>): Promise<BatchRunResult> {
	const { operation, records, batchSize } = options;
	const outcomes: Array<RecordOutcome | undefined> = new Array(records.length);
	const batchCount = Math.ceil(records.length / batchSize);
	let nextBatch = 0;
	let stoppedBy: BatchFailure | undefined;
	/** A refusal of our identity: every later batch would meet it too, so none is sent. */
	let credentialsRejected: GatewayFailure | undefined;

	const halted = () => stoppedBy !== undefined || credentialsRejected !== undefined || options.isCancelled();

	const worker = async () => {
		for (let sentByThisWorker = 0; ; sentByThisWorker++) {
			if (sentByThisWorker > 0 && options.pauseBetweenBatchesMs > 0 && nextBatch < batchCount) {
				await options.sleep(options.pauseBetweenBatchesMs);
			}
			if (halted() || nextBatch >= batchCount) return;
			const batchIndex = nextBatch++;
			const first = batchIndex * batchSize;
			const batch = records.slice(first, first + batchSize);
			const sent = await sendBatch(operation, batch, batchIndex + 1, options.call, halted);
			sent.outcomes.forEach((outcome, i) => (outcomes[first + i] = outcome));
			if (sent.failed === undefined) continue;
			const { failure, attempts, mayHaveLanded, left } = sent.failed;
			if (options.stopOnBatchFailure && !options.isCancelled()) {
				stoppedBy ??= { batchNumber: batchIndex + 1, batchCount, firstRecord: first, recordCount: batch.length, failure, attempts };
			}
			if (failure.credentialsRejected) credentialsRejected ??= failure;
			for (const i of left) {
				outcomes[first + i] = { kind: 'request_failed', failure, attempts, sent: true, possiblyProcessed: mayHaveLanded };
			}
		}
	};

	const workers = Math.max(1, Math.min(options.concurrency, batchCount));
	await Promise.all(Array.from({ length: workers }, worker));

	const cancelled = options.isCancelled();
	// In a run that goes on, only an identity refusal leaves records unsent: they fail with it.
	const unsent = (): RecordOutcome =>
		credentialsRejected && !cancelled && !stoppedBy
			? { kind: 'request_failed', failure: credentialsRejected, attempts: 0, sent: false, possiblyProcessed: false }
			: { kind: 'not_sent', why: cancelled ? 'cancelled' : 'stopped' };
	return {
		outcomes: Array.from({ length: records.length }, (_, i) => outcomes[i] ?? unsent()),
		stoppedBy,
		cancelled,
	};
}
