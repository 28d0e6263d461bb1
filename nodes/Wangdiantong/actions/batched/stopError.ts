/**
 * The error raised when a batch fails and the node's On Error setting is "Stop Workflow". The
 * node's outputs are discarded with the error, so it says what was and was not done: the counts
 * one per line, only those that apply, then what to do. Each line ends with a full stop: n8n's
 * editor shows the description as HTML, where the line breaks collapse into spaces, and the counts
 * must still read as sentences there ("Not acknowledged: 7 (…). Invalid, never sent: 1.").
 */
import type { INode, NodeApiError } from 'n8n-workflow';

import type { RecordOutcome } from '../../core/batched/answer';
import type { OperationWords } from '../../core/batched/operation';
import type { PlannedRecord } from '../../core/batched/plan';
import type { BatchFailure } from '../../core/batched/run';
import { describeFailure } from '../../core/failure';
import { gatewayError } from '../../transport/nodeError';

function count(outcomes: readonly RecordOutcome[], kind: RecordOutcome['kind']): number {
	return outcomes.reduce((n, outcome) => (outcome.kind === kind ? n + 1 : n), 0);
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

export function batchFailureError(
	node: INode,
	words: OperationWords,
	stoppedBy: BatchFailure,
	records: ReadonlyArray<PlannedRecord<unknown>>,
	outcomes: readonly RecordOutcome[],
	invalidCount: number,
): NodeApiError {
	const { failure, batchNumber, batchCount, firstRecord, recordCount, attempts } = stoppedBy;
	const firstItem = records[firstRecord].itemIndex;
	const lastItem = records[firstRecord + recordCount - 1].itemIndex;
	const accepted = count(outcomes, 'accepted');
	const rejected = count(outcomes, 'rejected');
	const possibly = outcomes.filter((o) => o.kind === 'request_failed' && o.possiblyProcessed).length;
	const notDone = outcomes.length - accepted - rejected - possibly;

	// With one batch nothing can have been done before it: no line for it.
	const counts = batchCount > 1 || accepted > 0 ? [`${words.done}: ${accepted}.`] : [];
	counts.push(`${words.notDone}: ${notDone} (${words.notDoneMeans}).`);
	if (possibly > 0) {
		counts.push(`${words.possiblyDone}: ${possibly} (the ERP may have processed the batch before its answer was lost).`);
	}
	if (rejected > 0) counts.push(`Refused by the ERP one by one: ${rejected}.`);
	if (invalidCount > 0) counts.push(`Invalid, never sent: ${invalidCount}.`);

	const items = firstItem === lastItem ? `item ${firstItem}` : `items ${firstItem}–${lastItem}`;
	const description = [
		...counts,
		'',
		`The failed batch held ${items}; it was tried ${times(attempts)}.`,
		'To send failed records to the Failed output instead of stopping, set the node’s On Error setting to "Continue". Transient failures are already retried inside the node: do not turn on "Retry On Fail", which would resend batches that succeeded.',
	].join('\n');

	const which = batchCount > 1 ? `batch ${batchNumber} of ${batchCount}` : 'the batch';
	const message = `Wangdiantong did not ${words.verb} ${which}: ${describeFailure(failure)}`;
	return gatewayError(node, failure, { message, description });
}
