// Aborting the signal passed to runWorkflow cancels the execution through n8n-core's
// PCancelable, which fires the node's this.getExecutionCancelSignal().
import { runWorkflow } from '../harness';
import { TEST_PREFIX, TestSlowNode, createTestRegistry } from './testTypes';
import { chain, node, trigger } from './workflows';

test('an abort signal cancels a long-running node', async () => {
	TestSlowNode.sawAbort = false;
	const controller = new AbortController();
	const workflow = chain(
		trigger(),
		node('Slow', `${TEST_PREFIX}.testSlow`),
		node('After', 'n8n-nodes-base.noOp'),
	);
	const startedAt = Date.now();
	const running = runWorkflow({
		workflow,
		registry: createTestRegistry(),
		signal: controller.signal,
	});
	setTimeout(() => controller.abort(), 100);

	const result = await running;

	expect(TestSlowNode.sawAbort).toBe(true);
	expect(Date.now() - startedAt).toBeLessThan(5_000);
	expect(result.status).toBe('canceled');
	expect(result.executedNodes).not.toContain('After');
	expect(result.error?.name).toBe('ManualExecutionCancelledError');
});

test('an already aborted signal cancels before any node does work', async () => {
	TestSlowNode.sawAbort = false;
	const workflow = chain(trigger(), node('Slow', `${TEST_PREFIX}.testSlow`));
	const result = await runWorkflow({
		workflow,
		registry: createTestRegistry(),
		signal: AbortSignal.abort(),
	});
	expect(result.status).toBe('canceled');
	expect(TestSlowNode.sawAbort).toBe(false);
});
