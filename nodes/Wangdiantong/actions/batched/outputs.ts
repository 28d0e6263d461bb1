/**
 * A batched operation's output items: the input item's JSON unchanged, plus the operation's
 * object (`wdtAck`…), and always a `pairedItem` pointing at the input item; and sorting every
 * input item onto exactly one of the two outputs, each keeping the input order.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RecordOutcome } from '../../core/batched/answer';
import type { BatchedOperation } from '../../core/batched/operation';
import type { BatchPlan, InvalidItem } from '../../core/batched/plan';
import { describeFailure } from '../../core/failure';

function withResult(key: string, item: INodeExecutionData, itemIndex: number, result: IDataObject): INodeExecutionData {
	const output: INodeExecutionData = { json: { ...item.json, [key]: result }, pairedItem: { item: itemIndex } };
	if (item.binary) output.binary = item.binary;
	return output;
}

function acceptedResult(sent: IDataObject, outcome: Extract<RecordOutcome, { kind: 'accepted' }>): IDataObject {
	// What the answer said of the whole call (trade_push: newCount, chgCount).
	if (outcome.answer !== undefined) Object.assign(sent, outcome.answer);
	// The ERP said an earlier call took the record (非待同步状态 for logistics).
	if (outcome.noLongerPending) sent.noLongerPending = true;
	// The first attempt reached the ERP although its answer was lost; the retry found it done.
	if (outcome.byEarlierAttempt) sent.acknowledgedByEarlierAttempt = true;
	return sent;
}

function invalidResult<R>(operation: BatchedOperation<R>, { field, error, id }: InvalidItem): IDataObject {
	const result: IDataObject = { reason: 'invalid', field, error };
	if (id !== undefined) result[operation.identity.outputName] = id;
	return result;
}

/** A record that was valid but did not get through; the reason comes from its outcome. */
function failedResult<R>(
	operation: BatchedOperation<R>,
	sent: IDataObject,
	outcome: Exclude<RecordOutcome, { kind: 'accepted' }>,
): IDataObject {
	switch (outcome.kind) {
		case 'rejected':
			return Object.assign(sent, { reason: 'rejected', error: outcome.error });
		case 'request_failed': {
			const { failure } = outcome;
			const text = describeFailure(failure);
			sent.reason = 'request_failed';
			sent.error = outcome.sent
				? `${text}${outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : ''}`
				: `Not sent: an earlier batch was refused, and every batch would be. ${text}`;
			if (failure.erpCode !== undefined) sent.code = failure.erpCode;
			if (failure.httpStatus !== undefined) sent.httpStatus = failure.httpStatus;
			if (outcome.possiblyProcessed) {
				// The ERP may have taken the batch although every answer was lost. A later run's
				// query tells (it will not return the record).
				sent[operation.words.possiblyDoneFlag] = true;
				sent.error += `. The ERP may have processed this batch before its answer was lost: ${operation.words.mayBeDone}.`;
			}
			return sent;
		}
		case 'not_sent':
			sent.reason = 'request_failed';
			sent.error =
				outcome.why === 'cancelled' ? 'Not sent: the execution was cancelled' : 'Not sent: the run stopped at an earlier failed batch';
			return sent;
	}
}

export interface Routed {
	done: INodeExecutionData[];
	failed: INodeExecutionData[];
}

export function routeItems<R>(
	operation: BatchedOperation<R>,
	items: readonly INodeExecutionData[],
	plan: BatchPlan<R>,
	outcomes: readonly RecordOutcome[],
): Routed {
	const key = operation.words.outputKey;
	const routed: Array<{ done: boolean; item: INodeExecutionData }> = new Array(items.length);
	plan.records.forEach(({ itemIndex, record }, i) => {
		const outcome = outcomes[i];
		const sent = operation.sentFields(record) as IDataObject;
		const done = outcome.kind === 'accepted';
		const result = done ? acceptedResult(sent, outcome) : failedResult(operation, sent, outcome);
		routed[itemIndex] = { done, item: withResult(key, items[itemIndex], itemIndex, result) };
	});
	for (const invalid of plan.invalid) {
		const { itemIndex } = invalid;
		routed[itemIndex] = { done: false, item: withResult(key, items[itemIndex], itemIndex, invalidResult(operation, invalid)) };
	}
	const result: Routed = { done: [], failed: [] };
	for (const { done, item } of routed) (done ? result.done : result.failed).push(item);
	return result;
}

/**
 * An AI agent calling the node as a tool sees only the first output: it gets every item there,
 * each saying in its flag (`wdtAck.acknowledged`…) whether the ERP took it.
 */
export function forAgent<R>(operation: BatchedOperation<R>, { done, failed }: Routed): INodeExecutionData[] {
	const { outputKey, doneFlag } = operation.words;
	const flag = (value: boolean) => (item: INodeExecutionData): INodeExecutionData => ({
		...item,
		json: { ...item.json, [outputKey]: { ...(item.json[outputKey] as IDataObject), [doneFlag]: value } },
	});
	return [...done.map(flag(true)), ...failed.map(flag(false))];
}
