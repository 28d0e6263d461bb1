// Read-only accessors over the IRun that n8n's WorkflowExecute returns. Items are returned as
// the engine stored them: pairedItem, error and binary stay as they are (n8n's own test harness
// strips pairedItem; we keep it so tests can assert item lineage).
import type {
	ExecutionError,
	ExecutionStatus,
	INodeExecutionData,
	IRun,
	ITaskData,
} from 'n8n-workflow';

import type { CapturedLog } from './logCapture';

export interface RunResult {
	/** The engine's full result, untouched. */
	run: IRun;
	/** 'success' | 'error' | 'canceled' | 'waiting' ... as n8n reports it. */
	status: ExecutionStatus;
	/** The error that stopped the workflow (a plain copy made by the engine), if any. */
	error?: ExecutionError;
	/** All main outputs of a node's run, by output index (empty outputs are []); runIndex defaults to the last run. */
	outputs(nodeName: string, runIndex?: number): INodeExecutionData[][];
	/** The error recorded for a node's run (last run by default), if it failed. */
	nodeError(nodeName: string, runIndex?: number): ExecutionError | undefined;
	/** Node names in execution order; a node that ran several times appears once per run. */
	executedNodes: string[];
	/** Everything n8n logged during the run. */
	logs: CapturedLog[];
}

export function createRunResult(run: IRun, logs: CapturedLog[]): RunResult {
	const { runData } = run.data.resultData;

	const task = (nodeName: string, runIndex?: number): ITaskData => {
		const runs = runData[nodeName];
		if (runs === undefined || runs.length === 0) {
			const ran = Object.keys(runData).join(', ') || 'none';
			throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})`);
		}
		const index = runIndex ?? runs.length - 1;
		const taskData = runs[index];
		if (taskData === undefined) {
			throw new Error(`Node "${nodeName}" has no run ${index} (it ran ${runs.length} time(s))`);
		}
		return taskData;
	};

	const executedNodes = Object.entries(runData)
		.flatMap(([nodeName, runs]) =>
			runs.map((taskData) => ({ nodeName, order: taskData.executionIndex })),
		)
		.sort((a, b) => a.order - b.order)
		.map(({ nodeName }) => nodeName);

	return {
		run,
		status: run.status,
		error: run.data.resultData.error,
		outputs: (nodeName, runIndex) =>
			(task(nodeName, runIndex).data?.main ?? []).map((items) => items ?? []),
		nodeError: (nodeName, runIndex) => task(nodeName, runIndex).error,
		executedNodes,
		logs,
	};
}
