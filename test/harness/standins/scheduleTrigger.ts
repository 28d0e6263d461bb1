// Stand-in for n8n-nodes-base.scheduleTrigger, because n8n-nodes-base is not installed. Only its
// manual run is emulated, as when a user clicks "Execute workflow": one item with the time
// fields the real node emits (timestamp, readable date and time, weekday). The `rule`
// parameter is accepted and ignored: nothing is scheduled. For our own example workflows only.
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

export class ScheduleTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Schedule Trigger (harness stand-in)',
		name: 'scheduleTrigger',
		group: ['trigger', 'schedule'],
		version: [1, 1.1, 1.2],
		description: 'Triggers the workflow on a schedule (manual run only)',
		defaults: { name: 'Schedule Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Trigger Rules', name: 'rule', type: 'json', default: {} }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async (): Promise<void> => {
			const now = new Date();
			this.emit([
				this.helpers.returnJsonArray([
					{
						timestamp: now.toISOString(),
						'Readable date': now.toDateString(),
						'Day of week': now.toLocaleDateString('en-US', { weekday: 'long' }),
					},
				]),
			]);
		};
		return { manualTriggerFunction };
	}
}
