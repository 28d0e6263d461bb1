// Stand-in for n8n-nodes-base.noOp ("No Operation, do nothing"), because n8n-nodes-base is not
// installed. Like the real node it returns its input items unchanged; the engine has already
// set each input item's pairedItem to its own index, so pairing survives. It also serves as
// the base description for declarative credential tests, as in n8n's CLI.
// For our own example workflows only.
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export class NoOpStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation, do nothing (harness stand-in)',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
