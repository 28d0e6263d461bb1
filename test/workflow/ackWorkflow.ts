/**
 * Builders for workflows around the Wangdiantong node, as n8n would export them, and the
 * credential that points the node at a mock gateway.
 */
import type { IDataObject, INode, IConnections } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import { DEFAULT_ACCOUNT, type MockGateway } from '../mock/gateway';

export const NODE_TYPE = 'n8n-nodes-wangdiantong.wangdiantong';
export const NODE = 'Wangdiantong';

export function mockCredentials(gateway: MockGateway, overrides: IDataObject = {}) {
	return {
		wangdiantongApi: {
			environment: 'custom',
			baseUrl: gateway.baseUrl,
			sid: DEFAULT_ACCOUNT.sid,
			appKey: DEFAULT_ACCOUNT.appKey,
			appSecret: DEFAULT_ACCOUNT.appSecret,
			...overrides,
		},
	};
}

export interface WangdiantongNodeOptions {
	parameters?: IDataObject;
	/** n8n's node setting On Error: 'stopWorkflow' (default), 'continueRegularOutput', 'continueErrorOutput'. */
	onError?: INode['onError'];
}

export function wangdiantongNode(options: WangdiantongNodeOptions = {}): INode {
	return {
		id: 'b6f1c4d2-0000-4000-8000-000000000003',
		name: NODE,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [600, 0],
		parameters: { resource: 'logisticsSync', operation: 'acknowledge', ...options.parameters },
		credentials: { wangdiantongApi: { id: '1', name: 'Wangdiantong mock' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
}

/** Manual Trigger → "Records" (pinned items) → Wangdiantong (Acknowledge). */
export function ackWorkflow(records: IDataObject[], options: WangdiantongNodeOptions = {}): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'b6f1c4d2-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'b6f1c4d2-0000-4000-8000-000000000002',
			name: 'Records',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [300, 0],
			parameters: {},
		},
		wangdiantongNode(options),
	];
	const connections: IConnections = {
		Start: { main: [[{ node: 'Records', type: 'main', index: 0 }]] },
		Records: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
	};
	return { nodes, connections, pinData: { Records: records.map((json) => ({ json })) } };
}
