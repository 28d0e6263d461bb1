/**
 * Shared helpers of the reliability tests: running the Acknowledge workflow through n8n's engine
 * against a mock gateway, reading both outputs, and what the gateway received.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type RunResult } from '../harness';
import type { MockGateway, RequestRecord } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE, type WangdiantongNodeOptions } from '../workflow/ackWorkflow';

export { NODE };

/** The `wdtAck` object the node adds to every output item, as far as these tests read it. */
export interface WdtAck {
	recId?: string;
	status?: number;
	message?: string;
	messageTruncated?: boolean;
	acknowledgedByEarlierAttempt?: boolean;
	/** On Acknowledged: the ERP answered 非待同步状态, an earlier ack took the record. */
	noLongerPending?: boolean;
	/** Proposed (issue 6): a Failed record the ERP may have accepted although its answer was lost. */
	possiblyAcknowledged?: boolean;
	reason?: string;
	error?: string;
	field?: string;
	code?: string;
	httpStatus?: number;
}

export interface AckRun {
	result: RunResult;
	acknowledged: INodeExecutionData[];
	failed: INodeExecutionData[];
	wallMs: number;
}

export interface RunAckOptions extends WangdiantongNodeOptions {
	/** Credential fields to override (appSecret, sid, appKey, baseUrl...). */
	credentials?: IDataObject;
}

function optionalString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
	return typeof value === 'number' ? value : undefined;
}

function optionalBoolean(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

export function wdtAck(item: INodeExecutionData): WdtAck {
	const raw = item.json.wdtAck;
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new Error(`output item without a wdtAck object: ${JSON.stringify(item.json).slice(0, 200)}`);
	}
	const ack = raw as IDataObject;
	const read: WdtAck = {
		recId: optionalString(ack.recId),
		status: optionalNumber(ack.status),
		message: optionalString(ack.message),
		messageTruncated: optionalBoolean(ack.messageTruncated),
		acknowledgedByEarlierAttempt: optionalBoolean(ack.acknowledgedByEarlierAttempt),
		noLongerPending: optionalBoolean(ack.noLongerPending),
		possiblyAcknowledged: optionalBoolean(ack.possiblyAcknowledged),
		reason: optionalString(ack.reason),
		error: optionalString(ack.error),
		field: optionalString(ack.field),
		code: optionalString(ack.code),
		httpStatus: optionalNumber(ack.httpStatus),
	};
	// Without the absent fields, so that a failed comparison shows only what is there.
	return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined)) as WdtAck;
}

/** A copy of `value` without `key` (to compare an output item's JSON with its input). */
export function without(value: IDataObject, key: string): IDataObject {
	return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

/** The input item an output item came from. */
export function pairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (paired === undefined || typeof paired === 'number' || Array.isArray(paired)) {
		throw new Error(`output item without a single pairedItem: ${JSON.stringify(paired)}`);
	}
	return paired.item;
}

/** Runs Manual Trigger → pinned items → Acknowledge against `gateway`. */
export async function runAck(gateway: MockGateway, items: IDataObject[], options: RunAckOptions = {}): Promise<AckRun> {
	const { credentials, ...node } = options;
	const started = Date.now();
	const result = await runWorkflow({
		workflow: ackWorkflow(items, node),
		credentials: mockCredentials(gateway, credentials),
	});
	const wallMs = Date.now() - started;
	const [acknowledged = [], failed = []] = result.status === 'success' ? result.outputs(NODE) : [];
	return { result, acknowledged, failed, wallMs };
}

/** Problems with "every input item leaves on exactly one output" (empty when it holds). */
export function partitionProblems(run: AckRun, itemCount: number): string[] {
	const seen = new Map<number, number>();
	for (const item of [...run.acknowledged, ...run.failed]) {
		const index = pairedIndex(item);
		seen.set(index, (seen.get(index) ?? 0) + 1);
	}
	const problems: string[] = [];
	for (let i = 0; i < itemCount; i++) {
		const times = seen.get(i) ?? 0;
		if (times !== 1) problems.push(`item ${i} left on ${times} outputs`);
	}
	for (const index of seen.keys()) {
		if (!Number.isInteger(index) || index < 0 || index >= itemCount) problems.push(`pairedItem ${index} is no input item`);
	}
	return problems;
}

/** Problems with "every Failed item says why" (empty when it holds). */
export function failedReasonProblems(run: AckRun): string[] {
	return run.failed.flatMap((item) => {
		const ack = wdtAck(item);
		const ok = typeof ack.reason === 'string' && ack.reason !== '' && typeof ack.error === 'string' && ack.error.trim() !== '';
		return ok ? [] : [`item ${pairedIndex(item)} failed without reason/error: ${JSON.stringify(ack)}`];
	});
}

export const isAckRequest = (request: RequestRecord): boolean => request.api === 'logistics_sync_ack';

export function ackRequests(gateway: MockGateway): RequestRecord[] {
	return gateway.requests.filter(isAckRequest);
}

/** One record of a `logistics_list` as received, untouched. */
export type SentRecord = Record<string, unknown>;

export function sentList(request: RequestRecord): SentRecord[] {
	const text = request.params.logistics_list;
	if (text === undefined) throw new Error(`request #${request.number} has no logistics_list`);
	const parsed: unknown = JSON.parse(text);
	if (!Array.isArray(parsed)) throw new Error(`request #${request.number}: logistics_list is not a list`);
	return parsed.map((entry: unknown) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new Error(`request #${request.number}: a logistics_list entry is not an object`);
		}
		return entry as SentRecord;
	});
}

/** A rec_id the way the gateway compares it: digits without leading zeros. */
export function canonical(recId: string): string {
	const stripped = recId.trim().replace(/^0+/, '');
	return stripped === '' ? '0' : stripped;
}

/** `(label) n` numbers read out of the Stop error's description. */
export function countIn(description: string | undefined, label: RegExp): number | undefined {
	const match = label.exec(description ?? '');
	return match ? Number(match[1]) : undefined;
}

export const DESCRIPTION_COUNTS = {
	/** Absent when the run had one batch: nothing can have been acknowledged before it. */
	acknowledged: /^Acknowledged: (\d+)\.$/m,
	notAcknowledged: /^Not acknowledged: (\d+) /m,
	rejected: /^Refused by the ERP one by one: (\d+)\.$/m,
	invalid: /^Invalid, never sent: (\d+)\.$/m,
	/** Records of the failed batch the ERP may have processed although its answer was lost. */
	possiblyAcknowledged: /^Possibly acknowledged: (\d+) /m,
} as const;

/** The Stop error of the node, as a plain object: message and description. */
export function nodeErrorText(run: AckRun): { message: string; description: string } | undefined {
	if (run.result.status === 'success') return undefined;
	const error = run.result.nodeError(NODE) ?? run.result.error;
	if (error === undefined) return undefined;
	return { message: error.message, description: typeof error.description === 'string' ? error.description : '' };
}
