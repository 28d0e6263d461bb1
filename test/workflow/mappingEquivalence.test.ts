/**
 * The node reads plain field mappings (`={{ $json.rec_id }}`) and fixed values itself instead of
 * asking n8n to evaluate them per item. This checks, inside n8n's real engine, that the direct
 * read returns exactly what `getNodeParameter` returns, for values of every kind.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type GenericValue,
} from 'n8n-workflow';

import { fieldReading } from '../../nodes/Wangdiantong/actions/batched/fieldReference';
import { readParameter } from '../../nodes/Wangdiantong/actions/batched/items';
import { createRegistry, runWorkflow } from '../harness';
import { ackWorkflow } from './ackWorkflow';

/** Outputs, per item, what n8n evaluated and what the direct read gave. */
class Probe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Compares direct reads with n8n evaluation',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const reading = fieldReading(this.getNode().parameters.value);
		return [
			this.getInputData().map((item, itemIndex) => {
				const n8n = this.getNodeParameter('value', itemIndex, undefined);
				const direct = readParameter(this, 'value', reading, item, itemIndex);
				return { json: { kind: reading.kind, same: Object.is(n8n, direct), n8n: describe(n8n), direct: describe(direct) } };
			}),
		];
	}
}

const describe = (value: unknown) => `${typeof value}:${JSON.stringify(value) ?? String(value)}`;

const values: GenericValue[] = [
	'123',
	'98765432109876543210',
	'',
	' 1 ',
	'同步成功📦',
	'a\u0000b\nc',
	0,
	-1,
	1.5,
	Number.MAX_SAFE_INTEGER + 2,
	true,
	false,
	null,
];

async function compare(mapping: string, items: IDataObject[]) {
	const registry = createRegistry().addNodeType('test.probe', new Probe());
	const workflow = ackWorkflow(items);
	workflow.nodes[1] = { ...workflow.nodes[1], type: 'test.probe', parameters: { value: mapping } };
	const result = await runWorkflow({ workflow, registry });
	expect(result.status).toBe('success');
	return result.outputs('Wangdiantong')[0].map((item) => item.json);
}

test.each(['={{ $json.v }}', '={{$json.v}}', "={{ $json['v'] }}", '={{ $json["v"] }}'])(
	'%s: the direct read equals n8n for every primitive and for a missing field',
	async (mapping) => {
		const rows = await compare(mapping, [...values.map((v) => ({ v })), { other: 1 }]);
		expect(rows.every((row) => row.kind === 'field')).toBe(true);
		for (const row of rows) expect(row).toMatchObject({ same: true });
	},
);

test('objects and arrays of plain JSON (an order’s order_list) are read directly, with what n8n gives', async () => {
	const lines = [{ oid: 'T1-1', num: 2, price: '9.90', goods: { id: 'G1', tags: ['a', null] } }, { oid: 'T1-2', num: 1, price: 0 }];
	const rows = await compare('={{ $json.v }}', [{ v: { id: 1 } }, { v: [1, 2] }, { v: lines }, { v: [] }]);
	expect(rows.map((row) => row.n8n)).toEqual(rows.map((row) => row.direct));
	expect(rows[2].direct).toBe(`object:${JSON.stringify(lines)}`);
});

test.each(['1', '', '={{ 1 + 1 }}', '={{ $json.v.id }}', '={{ $json.v }} ', 'x={{ $json.v }}'])(
	'%s: fixed values and other expressions give what n8n gives',
	async (mapping) => {
		const rows = await compare(mapping, [{ v: { id: 7 } }, { v: 3 }]);
		for (const row of rows) expect(row.direct).toBe(row.n8n);
	},
);
