// The n8n-nodes-base stand-ins the registry installs, keyed by the type names our example
// workflows use. Each one documents what it emulates in its own file.
import type { INodeType } from 'n8n-workflow';

import { CodeStandIn } from './code';
import { HttpRequestStandIn } from './httpRequest';
import { ManualTriggerStandIn } from './manualTrigger';
import { NoOpStandIn } from './noOp';
import { ScheduleTriggerStandIn } from './scheduleTrigger';

export function createStandIns(): Record<string, INodeType> {
	return {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
		'n8n-nodes-base.noOp': new NoOpStandIn(),
		'n8n-nodes-base.code': new CodeStandIn(),
		'n8n-nodes-base.scheduleTrigger': new ScheduleTriggerStandIn(),
		'n8n-nodes-base.httpRequest': new HttpRequestStandIn(),
	};
}
