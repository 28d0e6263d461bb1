/**
 * The workflows the benchmark runs through n8n's engine: our node, the same workflow with a
 * pass-through in its place, the two ways users acknowledge with built-in nodes today
 * (a Code node that signs, then the HTTP Request node), the sync loops (query → Acknowledge),
 * and a push operation (Trade → Push) on its records.
 */
import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../test/harness';
import { PASS_THROUGH } from '../test/harness/registry';
import { DEFAULT_ACCOUNT } from '../test/mock/gateway';
import { QUERY_LIMIT_MAX } from '../nodes/Wangdiantong/core/limits';
import { LOOP_SHOP, LOOPS, type LoopName } from './loops';
import { PUSHES, type PushName } from './pushes';
import type { ScenarioSpec } from './spec';

export const SUBJECT = 'Subject';
const SIGNING_NODE = 'Sign in Code';
const QUERY_NODE = 'Query';

/**
 * The nodes whose time a scenario measures: the do-it-yourself way includes its signing Code
 * node, a loop its query; every run of each (a loop runs them once a round).
 */
export const measuredNodes = (spec: ScenarioSpec): string[] =>
	spec.kind === 'diy' ? [SIGNING_NODE, SUBJECT] : spec.kind === 'loop' ? [QUERY_NODE, SUBJECT] : [SUBJECT];

/** Every tenth record reports a failure at the shop platform, the others a success. */
const recordAt = (rec_id: string, i: number): IDataObject => ({
	rec_id,
	status: i % 10 === 9 ? 1 : 0,
	message: i % 10 === 9 ? '商城接口超时' : '已同步到商城',
});

export const items = (ids: readonly string[]): IDataObject[] => ids.map(recordAt);

/**
 * The same items as `items()` for the consecutive ids first, first + 1, …, as a Code node's
 * JavaScript (the same `recordAt`, as source): for a real n8n, whose CLI runs ignore pinned data.
 */
export const itemsCode = (firstId: string, count: number): string => `
const recordAt = ${recordAt.toString()};
const first = BigInt(${JSON.stringify(firstId)});
return Array.from({ length: ${count} }, (_, i) => ({ json: recordAt(String(first + BigInt(i)), i) }));`;

/** The items, pinned: the in-engine run starts here (a real n8n gets a trigger and a Code node instead). */
const records: INode = {
	id: 'bench-2',
	name: 'Records',
	type: PASS_THROUGH,
	typeVersion: 1,
	position: [200, 0],
	parameters: {},
};

function chain(nodes: INode[], pinned: IDataObject[]): WorkflowJson {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes, connections, pinData: { Records: pinned.map((json) => ({ json })) } };
}

/** Our node, placed `x` along the chain, with the bench's credential. */
const wangdiantong = (id: string, name: string, x: number, parameters: INodeParameters): INode => ({
	id,
	name,
	type: 'n8n-nodes-wangdiantong.wangdiantong',
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: { wangdiantongApi: { id: '1', name: 'bench' } },
});

export function nodeWorkflow(pinned: IDataObject[], options: INodeParameters): WorkflowJson {
	const subject = wangdiantong('bench-3', SUBJECT, 400, {
		resource: 'logisticsSync',
		operation: 'acknowledge',
		recId: '={{ $json.rec_id }}',
		status: '={{ $json.status }}',
		message: '={{ $json.message }}',
		options,
	});
	return chain([records, subject], pinned);
}

/**
 * A push operation as the tests run it (its profile's parameters: the shop, every other setting
 * at its default, the record mapped automatically from the item's JSON), on its records.
 */
export function pushWorkflow(name: PushName, pinned: IDataObject[], options: INodeParameters): WorkflowJson {
	const subject = wangdiantong('bench-3', SUBJECT, 400, { ...(PUSHES[name].parameters as INodeParameters), options });
	return chain([records, subject], pinned);
}

/**
 * A sync loop in one execution, with no node but ours: the query (Execute Once, so a round's
 * acknowledged items ask once) fetches up to QUERY_LIMIT_MAX records of the shop, Acknowledge
 * acknowledges them, and its Acknowledged output leads back to the query; a round that
 * acknowledges nothing ends the run. The shop platform's push between them is left out: it is
 * the user's, and the loop's pace under the rate limit is the gateway's and ours.
 */
export function loopWorkflow(name: LoopName): WorkflowJson {
	const { query, ack, ackParameters } = LOOPS[name];
	const queryParameters = { ...(query.parameters as INodeParameters), shopNo: LOOP_SHOP, maxRecords: QUERY_LIMIT_MAX };
	const fetch: INode = { ...wangdiantong('bench-3', QUERY_NODE, 400, queryParameters), executeOnce: true };
	const acknowledge = wangdiantong('bench-4', SUBJECT, 600, { ...(ack.parameters as INodeParameters), ...ackParameters });
	const workflow = chain([records, fetch, acknowledge], [{}]);
	workflow.connections[SUBJECT] = { main: [[{ node: QUERY_NODE, type: 'main', index: 0 }]] };
	return workflow;
}

/** The same workflow with a pass-through (n8n's No-Op in a real n8n) in the node's place: the engine's own cost per item. */
export function passThroughWorkflow(pinned: IDataObject[]): WorkflowJson {
	const subject: INode = { ...records, id: 'bench-3', name: SUBJECT, position: [400, 0] };
	return chain([records, subject], pinned);
}

/** n8n's HTTP helper alone, as many requests as the node sends: its share of the node's cost. */
export function helperOnlyWorkflow(pinned: IDataObject[], baseUrl: string): WorkflowJson {
	const subject: INode = {
		id: 'bench-3',
		name: SUBJECT,
		type: 'bench.helperOnly',
		typeVersion: 1,
		position: [400, 0],
		parameters: { url: `${baseUrl}logistics_sync_ack.php` },
	};
	return chain([records, subject], pinned);
}

export interface DiyOptions {
	baseUrl: string;
	sid: string;
	appKey: string;
	appSecret: string;
	/** Records per request: 1 (one request per record) or 50. */
	perRequest: number;
	/** The HTTP Request node's Options → Batching: one request every `intervalMs`; undefined = all at once. */
	pacing?: { intervalMs: number };
}

/**
 * What an integrator writes without our node: a Code node that packs and md5-signs each
 * request (secrets pasted into the code), then HTTP Request posting the form bodies. n8n's task
 * runner offers no URLSearchParams, so the form body is encoded by hand; `require('crypto')`
 * needs NODE_FUNCTION_ALLOW_BUILTIN=crypto there.
 */
function signingCode(options: DiyOptions): string {
	return `
const crypto = require('crypto');
const SID = ${JSON.stringify(options.sid)}, APPKEY = ${JSON.stringify(options.appKey)}, SECRET = ${JSON.stringify(options.appSecret)};
const PER_REQUEST = ${options.perRequest};
const len = (s) => [...s].length;
const pad = (n, w) => String(n).padStart(w, '0');
const sign = (p) => crypto.createHash('md5').update(Object.keys(p).sort()
  .map((k) => pad(len(k), 2) + '-' + k + ':' + pad(len(p[k]), 4) + '-' + p[k]).join(';') + SECRET, 'utf8').digest('hex');
const input = $input.all();
const out = [];
for (let i = 0; i < input.length; i += PER_REQUEST) {
  const list = input.slice(i, i + PER_REQUEST).map((it) => ({ rec_id: String(it.json.rec_id), status: it.json.status, message: it.json.message }));
  const p = { sid: SID, appkey: APPKEY, timestamp: String(Math.floor(Date.now() / 1000)), logistics_list: JSON.stringify(list) };
  p.sign = sign(p);
  out.push({ json: { body: Object.entries(p).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&') } });
}
return out;`;
}

export function diyWorkflow(pinned: IDataObject[], options: DiyOptions): WorkflowJson {
	const code: INode = {
		id: 'bench-3',
		name: SIGNING_NODE,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [400, 0],
		parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: signingCode(options) },
	};
	const http: INode = {
		id: 'bench-4',
		name: SUBJECT,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [600, 0],
		onError: 'continueRegularOutput',
		parameters: {
			method: 'POST',
			url: `${options.baseUrl}logistics_sync_ack.php`,
			sendBody: true,
			contentType: 'raw',
			rawContentType: 'application/x-www-form-urlencoded',
			body: '={{ $json.body }}',
			options: options.pacing ? { batching: { batch: { batchSize: 1, batchInterval: options.pacing.intervalMs } } } : {},
		},
	};
	return chain([records, code, http], pinned);
}

/** The workflow one benchmark scenario runs, its records pinned on the Records node. */
export function benchWorkflow(spec: ScenarioSpec, pinned: IDataObject[], baseUrl: string, latencyMs: number): WorkflowJson {
	switch (spec.kind) {
		case 'passThrough':
			return passThroughWorkflow(pinned);
		case 'node':
			return nodeWorkflow(pinned, spec.options ?? {});
		case 'push':
			return pushWorkflow(spec.push, pinned, spec.options ?? {});
		case 'helperOnly':
			return helperOnlyWorkflow(pinned, baseUrl);
		case 'diy':
			return diyWorkflow(pinned, {
				baseUrl,
				...DEFAULT_ACCOUNT,
				perRequest: spec.perRequest,
				pacing: spec.pacing && { intervalMs: spec.pacing.intervalMs === 'latency' ? latencyMs : spec.pacing.intervalMs },
			});
		case 'loop':
			return loopWorkflow(spec.loop);
		case 'bare':
			throw new Error('the bare client runs no workflow');
	}
}

/**
 * The workflow for a real n8n, whose CLI runs ignore pinned data and start from a trigger: a
 * Manual Trigger, then a Code node making the records, and n8n's No-Op for the pass-through.
 */
export function withGeneratedRecords(workflow: WorkflowJson, firstId: string, count: number): WorkflowJson {
	const trigger: INode = { id: 'bench-1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = workflow.nodes.map((node) =>
		node.name === records.name
			? { ...node, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: itemsCode(firstId, count) } }
			: node.type === PASS_THROUGH
				? { ...node, type: 'n8n-nodes-base.noOp' }
				: node,
	);
	const connections = { ...workflow.connections, [trigger.name]: { main: [[{ node: records.name, type: 'main' as const, index: 0 }]] } };
	return { nodes: [trigger, ...nodes], connections, pinData: {} };
}
