/**
 * Finding the run in what `n8n execute --rawOutput` printed. n8n prints it as pretty JSON through
 * its logger, at level info. The e2e scripts set N8N_LOG_OUTPUT=console and N8N_LOG_FORMAT=json,
 * so stdout is one JSON object per line and the run is the `message` of one of them; with the
 * text format (or a logger that prints plainly) it is the text from the first line that is just "{".
 */

export interface ExecuteItem {
	json: Record<string, unknown> & { wdtAck?: Record<string, unknown> };
}

export interface ExecuteNodeRun {
	executionStatus?: string;
	/** When the node started, in ms since the epoch, and how long it ran. */
	startTime?: number;
	executionTime?: number;
	error?: { message?: string };
	data?: { main?: Array<ExecuteItem[] | null> };
}

/** The part of n8n's IRun (what `n8n execute --rawOutput` prints) that the scripts read. */
export interface ExecuteRun {
	finished?: boolean;
	status?: string;
	data?: { resultData?: { error?: { message?: string }; runData?: Record<string, ExecuteNodeRun[]> } };
}

export function parseExecuteOutput(text: string): ExecuteRun {
	const isRun = (value: unknown): value is ExecuteRun =>
		typeof value === 'object' && value !== null && 'data' in value && typeof (value as ExecuteRun).data?.resultData === 'object';
	for (const line of text.split('\n').reverse()) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line) as { message?: unknown };
			if (isRun(entry)) return entry;
			if (typeof entry.message === 'string' && entry.message.startsWith('{')) {
				const run: unknown = JSON.parse(entry.message);
				if (isRun(run)) return run;
			}
		} catch {
			// not a log line of ours: n8n or a dependency printed something else
		}
	}
	const start = text.search(/^\{\s*$/m);
	if (start < 0) throw new Error('no run data (JSON) in the output of n8n execute');
	return JSON.parse(text.slice(start, text.lastIndexOf('}') + 1)) as ExecuteRun;
}
