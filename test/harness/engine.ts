// Runs workflow JSON through n8n-core's real WorkflowExecute, as n8n's CLI runs a manual
// execution: real expressions, node contexts, request helpers, On Error, pinData, cancellation.
// The harness supplies only what the CLI would: node types, credentials and services.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow, deepCopy } from 'n8n-workflow';
import type { ExecutionError, ExecutionStatus, IConnections, INode, INodeExecutionData, IPinData, IRun, ITaskData, IWorkflowSettings } from 'n8n-workflow';

import { HarnessCredentialsHelper, type CredentialsByType } from './credentials';
import { captureLogs, createAdditionalData, ensureN8nServices, type CapturedLog } from './n8nServices';
import { getDefaultRegistry, type HarnessRegistry } from './registry';

/** The parts of an n8n workflow export the engine uses. */
export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunWorkflowOptions {
	workflow: WorkflowJson;
	/** Credential data by credential type, served to every node that asks for that type. */
	credentials?: CredentialsByType;
	/** Default: this package loaded from source. */
	registry?: HarnessRegistry;
	/** Aborting cancels the execution; nodes see it through this.getExecutionCancelSignal(). */
	signal?: AbortSignal;
}

export interface RunResult {
	/** The engine's result, untouched. */
	run: IRun;
	status: ExecutionStatus;
	/** The error that stopped the workflow, if any. */
	error?: ExecutionError;
	/** A node's main outputs by index (empty ones as []), pairedItem as the engine kept it; default its last run. */
	outputs(nodeName: string, runIndex?: number): INodeExecutionData[][];
	/** The error of a node's run (default its last), if it failed. */
	nodeError(nodeName: string, runIndex?: number): ExecutionError | undefined;
	/** Everything n8n and the nodes logged during the run. */
	logs: CapturedLog[];
}

let executionCounter = 0;

/** Runs to the end. Rejects only when the run cannot start; node failures are in the result, as in n8n. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunResult> {
	ensureN8nServices();
	const json = deepCopy(options.workflow); // the engine writes parameter defaults into the nodes
	const registry = options.registry ?? getDefaultRegistry();
	const workflow = new Workflow({ id: 'harness', nodes: json.nodes, connections: json.connections, active: false, nodeTypes: registry, settings: json.settings });
	// Without a trigger, n8n's own choice finds nothing: start from the node nothing feeds.
	const startNode = workflow.getStartNode() ?? json.nodes.find((node) => workflow.getParentNodes(node.name).length === 0);
	if (startNode === undefined) throw new Error('No start node: every node has an input');

	const executionId = `harness-${++executionCounter}`;
	const now = new Date();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		...{ id: 'harness', name: 'Harness workflow', active: false, isArchived: false, activeVersionId: null },
		...{ createdAt: now, updatedAt: now, nodes: json.nodes, connections: json.connections },
	});
	const additionalData = createAdditionalData(new HarnessCredentialsHelper(registry, options.credentials), executionId, hooks);
	const logs: CapturedLog[] = [];
	const run = await captureLogs(logs, async (): Promise<IRun> => {
		const execution = new WorkflowExecute(additionalData, 'manual').run(workflow, startNode, undefined, json.pinData);
		// n8n-core's cancel aborts the nodes' cancel signal and ends the run with status 'canceled'.
		const cancel = (): void => captureLogs(logs, () => execution.cancel());
		if (options.signal?.aborted) cancel();
		options.signal?.addEventListener('abort', cancel, { once: true });
		try {
			return await execution;
		} finally {
			options.signal?.removeEventListener('abort', cancel);
		}
	});

	const task = (nodeName: string, runIndex?: number): ITaskData => {
		const runs = run.data.resultData.runData[nodeName] ?? [];
		const taskData = runs[runIndex ?? runs.length - 1];
		if (taskData === undefined) throw new Error(`Node "${nodeName}" has no run ${runIndex ?? 'at all'} (it ran ${runs.length} time(s))`);
		return taskData;
	};
	return {
		run,
		status: run.status,
		error: run.data.resultData.error,
		outputs: (nodeName, runIndex) => (task(nodeName, runIndex).data?.main ?? []).map((items) => items ?? []),
		nodeError: (nodeName, runIndex) => task(nodeName, runIndex).error,
		logs,
	};
}
