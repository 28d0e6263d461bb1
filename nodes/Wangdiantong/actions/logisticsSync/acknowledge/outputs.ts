/**
 * The Acknowledge operation's output items: the input item's JSON unchanged, plus `wdtAck`, and
 * always a `pairedItem` pointing at the input item; and sorting every input item onto exactly one
 * of the two outputs, each keeping the input order.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { describeFailure } from '../../../core/failure';
import type { RecordOutcome } from './outcome';
import type { AckPlan } from './plan';
import type { AckField, AckRecord } from './record';

function withAck(item: INodeExecutionData, itemIndex: number, wdtAck: IDataObject): INodeExecutionData {
	const output: INodeExecutionData = { json: { ...item.json, wdtAck }, pairedItem: { item: itemIndex } };
	if (item.binary) output.binary = item.binary;
	return output;
}

function sentFields(record: AckRecord): IDataObject {
	const fields: IDataObject = { recId: record.recId, status: record.status };
	if (record.message !== undefined) fields.message = record.message;
	if (record.messageTruncated) fields.messageTruncated = true;
	return fields;
}

function acknowledgedItem(
	item: INodeExecutionData,
	itemIndex: number,
	record: AckRecord,
	outcome: Extract<RecordOutcome, { kind: 'acknowledged' }>,
): INodeExecutionData {
	const wdtAck = sentFields(record);
	// The ERP said 非待同步状态: an earlier ack took the record, with that ack's status.
	if (outcome.noLongerPending) wdtAck.noLongerPending = true;
	// The first attempt reached the ERP although its answer was lost; the retry found it done.
	if (outcome.byEarlierAttempt) wdtAck.acknowledgedByEarlierAttempt = true;
	return withAck(item, itemIndex, wdtAck);
}

function invalidItem(
	item: INodeExecutionData,
	itemIndex: number,
	field: AckField,
	error: string,
	recId?: string,
): INodeExecutionData {
	const wdtAck: IDataObject = { reason: 'invalid', field, error };
	if (recId !== undefined) wdtAck.recId = recId;
	return withAck(item, itemIndex, wdtAck);
}

/** A record that was valid but did not get acknowledged; the reason comes from its outcome. */
function failedItem(
	item: INodeExecutionData,
	itemIndex: number,
	record: AckRecord,
	outcome: Exclude<RecordOutcome, { kind: 'acknowledged' }>,
): INodeExecutionData {
	const wdtAck = sentFields(record);
	switch (outcome.kind) {
		case 'rejected':
			Object.assign(wdtAck, { reason: 'rejected', error: outcome.error });
			break;
		case 'request_failed': {
			const { failure } = outcome;
			const text = describeFailure(failure);
			wdtAck.reason = 'request_failed';
			wdtAck.error = outcome.sent
				? `${text}${outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : ''}`
				: `Not sent: an earlier batch was refused, and every batch would be. ${text}`;
			if (failure.erpCode !== undefined) wdtAck.code = failure.erpCode;
			if (failure.httpStatus !== undefined) wdtAck.httpStatus = failure.httpStatus;
			if (outcome.possiblyProcessed) {
				// The ERP may have taken the batch although every answer was lost: the record may
				// have left the pending pool. A later run's Get Pending tells (it will not return it).
				wdtAck.possiblyAcknowledged = true;
				wdtAck.error += '. The ERP may have processed this batch before its answer was lost: the record may be acknowledged already.';
			}
			break;
		}
		case 'not_sent':
			wdtAck.reason = 'request_failed';
			wdtAck.error =
				outcome.why === 'cancelled'
					? 'Not sent: the execution was cancelled'
					: 'Not sent: the run stopped at an earlier failed batch';
			break;
	}
	return withAck(item, itemIndex, wdtAck);
}

export interface Routed {
	acknowledged: INodeExecutionData[];
	failed: INodeExecutionData[];
}

export function routeItems(
	items: readonly INodeExecutionData[],
	plan: AckPlan,
	outcomes: readonly RecordOutcome[],
): Routed {
	const routed: Array<{ acknowledged: boolean; item: INodeExecutionData }> = new Array(items.length);
	plan.records.forEach(({ itemIndex, record }, i) => {
		const outcome = outcomes[i];
		routed[itemIndex] =
			outcome.kind === 'acknowledged'
				? { acknowledged: true, item: acknowledgedItem(items[itemIndex], itemIndex, record, outcome) }
				: { acknowledged: false, item: failedItem(items[itemIndex], itemIndex, record, outcome) };
	});
	for (const { itemIndex, field, error, recId } of plan.invalid) {
		routed[itemIndex] = { acknowledged: false, item: invalidItem(items[itemIndex], itemIndex, field, error, recId) };
	}
	const result: Routed = { acknowledged: [], failed: [] };
	for (const { acknowledged, item } of routed) (acknowledged ? result.acknowledged : result.failed).push(item);
	return result;
}

/**
 * An AI agent calling the node as a tool sees only the first output: it gets every item there,
 * each saying in `wdtAck.acknowledged` whether the ERP took it.
 */
export function forAgent({ acknowledged, failed }: Routed): INodeExecutionData[] {
	const flag = (value: boolean) => (item: INodeExecutionData): INodeExecutionData => ({
		...item,
		json: { ...item.json, wdtAck: { ...(item.json.wdtAck as IDataObject), acknowledged: value } },
	});
	return [...acknowledged.map(flag(true)), ...failed.map(flag(false))];
}
