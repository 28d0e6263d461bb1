// Runs n8n workflow JSON through n8n's real execution engine (n8n-core WorkflowExecute), the
// way n8n's CLI runs a manual execution: real Workflow, real expression evaluation, real node
// contexts and request helpers, real onError / retryOnFail / alwaysOutputData / pinData
// handling. The harness only supplies what the CLI would: node types, credentials, DI services,
// lifecycle hooks and additionalData.
import { ExecutionLifecycleHooks, WorkflowExecute, WorkflowHasIssuesError } from 'n8n-core';
import { Workflow, deepCopy } from 'n8n-workflow';
import type {
	IConnections,
	IDataObject,
	INode,
	IPinData,
	IRun,
	IWorkflowBase,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import type { CredentialsByType } from './credentialsHelper';
import { withLogSink } from './logCapture';
import type { CapturedLog } from './logCapture';
import { getDefaultRegistry } from './nodeTypes';
import type { HarnessRegistry } from './nodeTypes';
import { createRunResult } from './runResult';
import type { RunResult } from './runResult';
import { ensureN8nServices } from './services';

/** The parts of an n8n workflow export the engine uses; other exported fields are ignored. */
export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject;
	id?: string;
	name?: string;
}

export interface RunWorkflowOptions {
	workflow: WorkflowJson;
	/** Credential data by credential type name, served to every node that asks for that type. */
	credentials?: CredentialsByType;
	/** Node/credential types; defaults to the shared registry loaded from this package's source. */
	registry?: HarnessRegistry;
	/** Default 'manual'. pinData is applied only in manual mode, as in n8n. */
	mode?: WorkflowExecuteMode;
	/** Name of the node to start from; default: n8n's own choice (the trigger). */
	startNode?: string;
	/** Aborting cancels the execution; nodes see it via this.getExecutionCancelSignal(). */
	signal?: AbortSignal;
}

let executionCounter = 0;

// Older n8n exports stored pinned items as bare JSON objects; the engine wants { json }.
function normalizePinData(pinData: IPinData | undefined): IPinData | undefined {
	if (pinData === undefined) return undefined;
	const normalized: IPinData = {};
	for (const [nodeName, items] of Object.entries(pinData)) {
		normalized[nodeName] = items.map((item) =>
			'json' in item ? item : { json: item as IDataObject },
		);
	}
	return normalized;
}

function toWorkflowBase(json: WorkflowJson, id: string, name: string): IWorkflowBase {
	const now = new Date();
	return {
		id,
		name,
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: json.nodes,
		connections: json.connections,
		settings: json.settings,
		pinData: json.pinData,
	};
}

// n8n refuses to start a workflow with parameter issues (e.g. a required parameter left empty)
// with a message that does not say which; ask the engine for the issues and include them.
function withIssuesExplained<T>(
	workflowExecute: WorkflowExecute,
	workflow: Workflow,
	startNode: string,
	pinData: IPinData | undefined,
	start: () => T,
): T {
	try {
		return start();
	} catch (error) {
		if (!(error instanceof WorkflowHasIssuesError)) throw error;
		const issues = workflowExecute.checkReadyForExecution(workflow, {
			startNode,
			pinDataNodeNames: Object.keys(pinData ?? {}),
		});
		throw new Error(`${error.message} Issues by node: ${JSON.stringify(issues)}`, {
			cause: error,
		});
	}
}

/**
 * Runs the workflow to completion. Rejects only when it cannot start (unknown node type, no
 * start node, parameter issues); node failures come back in the result, as in n8n.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunResult> {
	ensureN8nServices();
	const registry = options.registry ?? getDefaultRegistry();
	const mode = options.mode ?? 'manual';
	// The engine writes defaults into node parameters; keep the caller's JSON reusable.
	const json = deepCopy(options.workflow);
	const id = json.id ?? 'harness-workflow';
	const name = json.name ?? 'Harness workflow';

	const workflow = new Workflow({
		id,
		name,
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: registry,
		settings: json.settings,
		staticData: json.staticData,
	});
	const startNode =
		options.startNode === undefined ? workflow.getStartNode() : workflow.getNode(options.startNode);
	if (startNode === undefined || startNode === null) {
		throw new Error(
			options.startNode === undefined
				? 'No start node found: add a trigger node or pass startNode'
				: `Start node "${options.startNode}" is not in the workflow`,
		);
	}

	const executionId = `harness-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, toWorkflowBase(json, id, name));
	const additionalData = createAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(registry.credentialTypes, options.credentials),
		executionId,
		hooks,
	});
	const pinData = mode === 'manual' ? normalizePinData(json.pinData) : undefined;
	const logs: CapturedLog[] = [];

	const run = await withLogSink(logs, async (): Promise<IRun> => {
		const workflowExecute = new WorkflowExecute(additionalData, mode);
		const execution = withIssuesExplained(workflowExecute, workflow, startNode.name, pinData, () =>
			workflowExecute.run(workflow, startNode, undefined, pinData),
		);
		// n8n-core's cancel handler aborts the engine's AbortController (the node's cancel signal),
		// marks running tasks canceled, and lets the run finish with status 'canceled'.
		const cancel = (): void => withLogSink(logs, () => execution.cancel());
		const { signal } = options;
		if (signal?.aborted) cancel();
		else signal?.addEventListener('abort', cancel, { once: true });
		try {
			return await execution;
		} finally {
			signal?.removeEventListener('abort', cancel);
		}
	});
	return createRunResult(run, logs);
}
