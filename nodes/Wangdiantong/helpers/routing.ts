/**
 * Sorting every input item onto the Acknowledge operation's two outputs. Each item leaves on
 * exactly one output, and each output keeps the input order.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RecordOutcome } from '../core/ack/outcome';
import type { AckPlan } from '../core/ack/plan';
import { acknowledgedItem, failedItem, invalidItem } from './ackItems';

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
				? { acknowledged: true, item: acknowledgedItem(items[itemIndex], itemIndex, record, outcome.byEarlierAttempt) }
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
