/**
 * The error raised when a batch fails and the node's On Error setting is "Stop Workflow": it says
 * what was and was not acknowledged, since the node's outputs are discarded with the error.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { PlannedRecord } from '../core/ack/plan';
import type { RecordOutcome } from '../core/ack/outcome';
import type { BatchFailure } from '../core/ack/run';
import { describeFailure } from '../core/failure';
import { keepMessage } from './keepMessage';

function count(outcomes: readonly RecordOutcome[], kind: RecordOutcome['kind']): number {
	return outcomes.reduce((n, outcome) => (outcome.kind === kind ? n + 1 : n), 0);
}

export function batchFailureError(
	node: INode,
	stoppedBy: BatchFailure,
	records: readonly PlannedRecord[],
	outcomes: readonly RecordOutcome[],
	invalidCount: number,
): NodeApiError {
	const { failure, batchNumber, batchCount, firstRecord, recordCount, attempts } = stoppedBy;
	const firstItem = records[firstRecord].itemIndex;
	const lastItem = records[firstRecord + recordCount - 1].itemIndex;
	const acknowledged = count(outcomes, 'acknowledged');
	const rejected = count(outcomes, 'rejected');
	const possibly = outcomes.filter((o) => o.kind === 'request_failed' && o.possiblyProcessed).length;
	const notAcknowledged = outcomes.length - acknowledged - rejected - possibly;

	const lines = [
		`Batch ${batchNumber} of ${batchCount} (items ${firstItem}–${lastItem}) failed after ${attempts} attempt${attempts === 1 ? '' : 's'}.`,
		`Acknowledged by the ERP before the failure: ${acknowledged} record${acknowledged === 1 ? '' : 's'}; they have left the ERP's pending pool and are not sent again by a later run.`,
		`Not acknowledged: ${notAcknowledged} record${notAcknowledged === 1 ? '' : 's'} (this batch and the ones after it). A later run picks them up again from logistics_sync_query.`,
	];
	if (possibly > 0) {
		lines.splice(
			2,
			0,
			`Possibly acknowledged (the ERP may have processed the batch although its answer was lost): ${possibly} record${possibly === 1 ? '' : 's'}. Those the ERP did take will not come back from logistics_sync_query.`,
		);
	}
	if (rejected > 0) lines.push(`Refused one by one by the ERP in earlier batches: ${rejected}.`);
	if (invalidCount > 0) lines.push(`Invalid items, never sent: ${invalidCount}.`);
	lines.push(
		'To route failed batches to the Failed output instead of stopping, set the node’s On Error setting to "Continue". Transient failures are already retried inside the node; do not turn on "Retry On Fail", which would resend batches that succeeded.',
	);

	// Only the failure's safe fields: never the request, whose body carries the sign.
	const response: JsonObject = { kind: failure.kind };
	if (failure.erpCode !== undefined) response.code = failure.erpCode;
	if (failure.erpMessage !== undefined) response.message = failure.erpMessage;
	if (failure.httpStatus !== undefined) response.httpStatus = failure.httpStatus;

	const message = `Wangdiantong did not acknowledge batch ${batchNumber} of ${batchCount}: ${describeFailure(failure)}`;
	const error = new NodeApiError(node, response, {
		message,
		description: lines.join('\n'),
		...(failure.httpStatus !== undefined ? { httpCode: String(failure.httpStatus) } : {}),
	});
	return keepMessage(error, message);
}
