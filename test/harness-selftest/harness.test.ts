/**
 * What the node tests take on trust from the harness, where a broken harness would let them pass:
 * the secret scans read `logs` (which must hold the node's own lines, errors in their metadata
 * readable as plain data, and only this run's lines) and the error tests read `nodeError`.
 * Everything else the harness does, the node tests check through their own assertions.
 */
import { NodeConnectionTypes, NodeOperationError, deepCopy, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { createRegistry, runWorkflow } from '../harness';
import { ackWorkflow } from '../workflow/ackWorkflow';

/** Logs a line with an error in its metadata, then fails naming its first item. */
class Probe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Logs, then fails',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { tag } = this.getInputData()[0].json;
		this.logger.warn(`probe ${String(tag)} retrying`, { error: new Error(`cause-${String(tag)}`) });
		await new Promise((resolve) => setTimeout(resolve, 20));
		throw new NodeOperationError(this.getNode(), `failed-${String(tag)}`);
	}
}

const registry = createRegistry().addNodeType('selftest.probe', new Probe());
const workflow = (tag: string) => {
	const built = ackWorkflow([{ tag }]);
	built.nodes[1] = { ...built.nodes[1], type: 'selftest.probe', parameters: {} };
	return built;
};

test("a run reports the node's error and captures the engine's and the node's own log lines, errors as plain data, per run", async () => {
	const alphaWorkflow = workflow('alpha');
	const unchanged = deepCopy(alphaWorkflow);
	const [alpha, beta] = await Promise.all([runWorkflow({ workflow: alphaWorkflow, registry }), runWorkflow({ workflow: workflow('beta'), registry })]);

	expect(alpha.status).toBe('error');
	expect(alpha.nodeError('Wangdiantong')?.message).toBe('failed-alpha');
	expect(alpha.logs.map((entry) => entry.message)).toEqual(expect.arrayContaining(['Workflow execution started', 'probe alpha retrying']));
	// JSON.stringify, as the secret scans use it, sees the message of an error logged as metadata.
	expect(JSON.stringify(alpha.logs.find((entry) => entry.message === 'probe alpha retrying'))).toContain('cause-alpha');
	expect(JSON.stringify(alpha.logs)).not.toMatch(/beta/);
	expect(JSON.stringify(beta.logs)).toContain('cause-beta');
	expect(alphaWorkflow).toEqual(unchanged); // the run worked on a copy
});
