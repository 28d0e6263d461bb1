/**
 * Builders for workflows around the Wangdiantong node, as n8n would export them, and the
 * credential that points the node at a mock gateway.
 */
import type { IDataObject, INode, IConnections, INodeExecutionData } from 'n8n-workflow';

import { PASS_THROUGH, runWorkflow, type RunResult, type WorkflowJson } from '../harness';
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
		position: [300, 0],
		parameters: { resource: 'logisticsSync', operation: 'acknowledge', ...options.parameters },
		credentials: { wangdiantongApi: { id: '1', name: 'Wangdiantong mock' } },
		...(options.onError ? { onError: options.onError } : {}),
	};
}

/** "Records" (the items, pinned: the run starts there) → Wangdiantong (Acknowledge by default). */
export function ackWorkflow(records: IDataObject[], options: WangdiantongNodeOptions = {}): WorkflowJson {
	const nodes: INode[] = [
		{ id: 'b6f1c4d2-0000-4000-8000-000000000001', name: 'Records', type: PASS_THROUGH, typeVersion: 1, position: [0, 0], parameters: {} },
		wangdiantongNode(options),
	];
	const connections: IConnections = { Records: { main: [[{ node: NODE, type: 'main', index: 0 }]] } };
	return { nodes, connections, pinData: { Records: records.map((json) => ({ json })) } };
}

export const GET_PENDING = 'Get pending records';
export const ACKNOWLEDGE = 'Acknowledge to ERP';

/**
 * Our node's two jobs looping in one execution, without n8n's own nodes: Get Pending (Execute
 * Once, so the round's acknowledged items ask once) → Acknowledge, whose Acknowledged output
 * leads back to Get Pending; a round that acknowledges nothing ends the run. (The shipped example
 * loops through n8n's Code and HTTP Request nodes: the real-n8n e2e runs it.)
 */
export function syncLoopWorkflow(shopNo: string, maxRecords = 100): WorkflowJson {
	const getPending: INode = {
		...wangdiantongNode({ parameters: { operation: 'getPending', shopNo, maxRecords } }),
		id: 'b6f1c4d2-0000-4000-8000-000000000004',
		name: GET_PENDING,
		executeOnce: true,
	};
	const acknowledge: INode = {
		...wangdiantongNode({ parameters: { status: 0, message: '已同步到平台' } }),
		name: ACKNOWLEDGE,
		position: [600, 0],
	};
	const start = ackWorkflow([{}]);
	const main = (node: string) => ({ main: [[{ node, type: 'main' as const, index: 0 }]] });
	return {
		nodes: [start.nodes[0], getPending, acknowledge],
		connections: { Records: main(GET_PENDING), [GET_PENDING]: main(ACKNOWLEDGE), [ACKNOWLEDGE]: main(GET_PENDING) },
		pinData: start.pinData,
	};
}

export interface OperationRun {
	result: RunResult;
	/** Output 0 (Acknowledged, Pushed) and output 1 (Failed); empty when the run failed. */
	done: INodeExecutionData[];
	failed: INodeExecutionData[];
}

/** Runs one operation (`parameters`, with the options' own on top) over `items` against `gateway`. */
export async function runOperation(
	gateway: MockGateway,
	parameters: IDataObject,
	items: IDataObject[],
	options: WangdiantongNodeOptions = {},
): Promise<OperationRun> {
	const result = await runWorkflow({
		workflow: ackWorkflow(items, { ...options, parameters: { ...parameters, ...options.parameters } }),
		credentials: mockCredentials(gateway),
	});
	const [done = [], failed = []] = result.status === 'success' ? result.outputs(NODE) : [];
	return { result, done, failed };
}
