// Small builders for workflow JSON shaped like n8n's export format, for the self-tests.
import type { IConnections, INode } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';

let nextId = 0;

export function node(
	name: string,
	type: string,
	parameters: INode['parameters'] = {},
	extra: Partial<INode> = {},
): INode {
	nextId++;
	return {
		id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
		name,
		type,
		typeVersion: 1,
		position: [nextId * 220, 0],
		parameters,
		...extra,
	};
}

export const trigger = (): INode => node('Manual Trigger', 'n8n-nodes-base.manualTrigger');

/** Code stand-in node running `jsCode` once for all items. */
export const code = (name: string, jsCode: string): INode =>
	node(name, 'n8n-nodes-base.code', { jsCode }, { typeVersion: 2 });

/** Connects `from` output `output` to `to` input 0. */
export function connect(
	connections: IConnections,
	from: string,
	to: string,
	output = 0,
): IConnections {
	const main = (connections[from] ??= { main: [] }).main;
	while (main.length <= output) main.push([]);
	(main[output] ??= []).push({ node: to, type: 'main', index: 0 });
	return connections;
}

/** A linear workflow: each node feeds the next through output 0. */
export function chain(...nodes: INode[]): WorkflowJson {
	const connections: IConnections = {};
	for (let index = 1; index < nodes.length; index++)
		connect(connections, nodes[index - 1].name, nodes[index].name);
	return { nodes, connections, settings: { executionOrder: 'v1' } };
}
