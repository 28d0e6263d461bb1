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

async function sendBatch<R>(operation: BatchedOperation<R>, records: readonly R[], batchNumber: number, call: ApiCall) {
	return await call({
		script: operation.script,
		params: operation.batchParams(records),
		read: batchAnswerReader(operation, records),
		label: `batch ${batchNumber}`,
	});
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
			const result = await sendBatch(operation, batch, batchIndex + 1, options.call);
			if (result.ok) {
				result.value.forEach((outcome, i) => (outcomes[first + i] = outcome));
				continue;
			}
			const { failure, attempts, mayHaveLanded } = result;
			if (options.stopOnBatchFailure && !options.isCancelled()) {
				stoppedBy ??= { batchNumber: batchIndex + 1, batchCount, firstRecord: first, recordCount: batch.length, failure, attempts };
			}
			if (failure.credentialsRejected) credentialsRejected ??= failure;
			for (let i = 0; i < batch.length; i++) {
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
