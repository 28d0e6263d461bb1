// A node with two outputs: outputs() exposes both, and each feeds its own branch.
import { runWorkflow } from '../harness';
import { TEST_PREFIX, createTestRegistry } from './testTypes';
import { chain, code, connect, node } from './workflows';

test('outputs() exposes every output of a multi-output node, by index', async () => {
	const workflow = chain(
		node('Manual Trigger', 'n8n-nodes-base.manualTrigger'),
		code('Four items', 'return [1, 2, 3, 4].map((n) => ({ n }));'),
		node('Split', `${TEST_PREFIX}.testSplit`),
		node('Even branch', 'n8n-nodes-base.noOp'),
	);
	workflow.nodes.push(node('Odd branch', 'n8n-nodes-base.noOp'));
	connect(workflow.connections, 'Split', 'Odd branch', 1);

	const result = await runWorkflow({ workflow, registry: createTestRegistry() });

	expect(result.status).toBe('success');
	const [even, odd] = result.outputs('Split');
	expect(result.outputs('Split')).toHaveLength(2);
	expect(even.map((item) => item.json.n)).toEqual([2, 4]);
	expect(odd.map((item) => item.json.n)).toEqual([1, 3]);
	expect(even.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
	expect(odd.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
	expect(result.outputs('Even branch')[0].map((item) => item.json.n)).toEqual([2, 4]);
	expect(result.outputs('Odd branch')[0].map((item) => item.json.n)).toEqual([1, 3]);
	// One input item, four output items: the Code stand-in pairs them all to input item 0.
	expect(result.outputs('Four items')[0].map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 0 },
		{ item: 0 },
		{ item: 0 },
	]);
});
