/**
 * The n8n side of every batched operation: read the items' mappings and the options, plan, send
 * in batches through the one transport, then route every item to exactly one output — or stop
 * with an error that says what was and was not done. An operation brings only its
 * `BatchedOperation` (core/batched/operation.ts) and its batch limits.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { BatchedOperation } from '../../core/batched/operation';
import { planBatches } from '../../core/batched/plan';
import { runInBatches } from '../../core/batched/run';
import { apiCaller, executionClock } from '../../transport';
import { keepMessage } from '../../transport/nodeError';
import { readMappings } from './items';
import { readBatchSettings, type BatchOptionsSpec } from './options';
import { forAgent, routeItems } from './outputs';
import { batchFailureError } from './stopError';

export async function executeBatched<R>(
	context: IExecuteFunctions,
	operation: BatchedOperation<R>,
	batchSize: BatchOptionsSpec['batchSize'],
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const settings = readBatchSettings(context, batchSize);
	const plan = planBatches(operation, readMappings(context, operation, items));

	if (settings.stopOnInvalidItem && plan.invalid.length > 0) {
		const [first] = plan.invalid;
		const message = `Item ${first.itemIndex}: ${first.error}`;
		const error = new NodeOperationError(context.getNode(), message, {
			itemIndex: first.itemIndex,
			description: `${plan.invalid.length} item(s) are invalid; nothing was sent. Fix the mapping, or set Options → Invalid Items to "Send to Failed Output".`,
		});
		throw keepMessage(error, message);
	}

	const run = await runInBatches({
		operation,
		records: plan.records.map((planned) => planned.record),
		batchSize: settings.batchSize,
		concurrency: settings.concurrency,
		pauseBetweenBatchesMs: settings.pauseBetweenBatchesMs,
		stopOnBatchFailure: !context.continueOnFail(),
		call: apiCaller(context)(settings),
		...executionClock(context),
	});

	if (run.stoppedBy) {
		throw batchFailureError(context.getNode(), operation.words, run.stoppedBy, plan.records, run.outcomes, plan.invalid.length);
	}

	const routed = routeItems(operation, items, plan, run.outcomes);
	if (context.getNode().type.endsWith('Tool')) return [forAgent(operation, routed), []];
	return [routed.done, routed.failed];
}
