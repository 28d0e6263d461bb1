// Log capture: per-run sinks (concurrent runs do not mix) and errors in metadata as plain data.
import { runWorkflow } from '../harness';
import { TEST_PREFIX, createTestRegistry, flaky } from './testTypes';
import { chain, code, node, trigger } from './workflows';

const registry = createTestRegistry();

test('concurrent runs keep their own logs', async () => {
	const slowCode = (name: string) =>
		code(name, 'await new Promise((r) => setTimeout(r, 20)); return [{}];');
	const [alpha, beta] = await Promise.all([
		runWorkflow({ workflow: chain(trigger(), slowCode('Alpha')), registry }),
		runWorkflow({ workflow: chain(trigger(), slowCode('Beta')), registry }),
	]);
	const alphaText = JSON.stringify(alpha.logs);
	const betaText = JSON.stringify(beta.logs);
	expect(alphaText).toContain('Running node \\"Alpha\\" finished successfully');
	expect(alphaText).not.toContain('Beta');
	expect(betaText).toContain('Running node \\"Beta\\" finished successfully');
	expect(betaText).not.toContain('Alpha');
});

test('errors in log metadata are captured as plain, JSON-serialisable data', async () => {
	flaky.calls = 0;
	flaky.failures = 1;
	const result = await runWorkflow({
		workflow: chain(trigger(), node('Flaky', `${TEST_PREFIX}.testFlaky`)),
		registry,
	});
	expect(result.status).toBe('error');
	const finished = result.logs.find(
		(entry) => entry.message === 'Workflow execution finished with error',
	);
	expect(finished?.meta?.error).toMatchObject({
		name: 'NodeOperationError',
		message: 'flaky failure 1',
	});
	expect(JSON.stringify(result.logs)).toContain('flaky failure 1');
});
