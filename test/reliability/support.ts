/**
 * Shared helpers of the reliability tests: running an operation on the batched engine (a profile
 * of test/workflow/operations.ts) through n8n's engine against a mock gateway, reading both
 * outputs, what the node said of its attempts, and what the gateway received.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type RunResult } from '../harness';
import type { MockGateway, RequestRecord } from '../mock/gateway';
import { ackWorkflow, mockCredentials, NODE, type WangdiantongNodeOptions } from '../workflow/ackWorkflow';
import type { OperationWords } from '../../nodes/Wangdiantong/core/batched/operation';
import { canonical, idOf, type ReliabilityProfile } from '../workflow/operations';

export { NODE, canonical };

/**
 * The object the node adds to every output item (`wdtAck`, `wdtPush`: the operation's `outputKey`):
 * what was sent, by the operation's output names (recId, syncStock, tid…), and the outcome fields
 * these tests read.
 */
export interface WdtAck {
	recId?: string;
	acknowledgedByEarlierAttempt?: boolean;
	/** On Acknowledged: the ERP answered that an earlier ack took the record (非待同步状态). */
	noLongerPending?: boolean;
	/** On Failed: the ERP may have accepted the record although every answer was lost (the operation's `possiblyDoneFlag`). */
	possiblyDone?: boolean;
	reason?: string;
	error?: string;
	field?: string;
	code?: string;
	httpStatus?: number;
	[sent: string]: unknown;
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

/** The outcome fields of an operation's output object, with their types; the rest says what was sent. */
function outcomeTypes(words: OperationWords): Readonly<Record<string, string>> {
	return {
		acknowledgedByEarlierAttempt: 'boolean',
		noLongerPending: 'boolean',
		[words.possiblyDoneFlag]: 'boolean',
		reason: 'string',
		error: 'string',
		field: 'string',
		code: 'string',
		httpStatus: 'number',
		// What a push's answer said of the whole call (new_count, chg_count), as the gateway wrote it.
		newCount: 'number',
		chgCount: 'number',
	};
}

/** The operation's object on an output item (`wdtAck`, `wdtPush`), its outcome fields type-checked. */
export function wdtAck(item: INodeExecutionData, profile: Pick<ReliabilityProfile, 'words'>): WdtAck {
	const { outputKey } = profile.words;
	const raw = item.json[outputKey];
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new Error(`output item without a ${outputKey} object: ${JSON.stringify(item.json).slice(0, 200)}`);
	}
	for (const [key, type] of Object.entries(outcomeTypes(profile.words))) {
		if (key in raw && typeof (raw as IDataObject)[key] !== type) throw new Error(`${outputKey}.${key} is not a ${type}: ${JSON.stringify(raw).slice(0, 200)}`);
	}
	const ack = { ...(raw as IDataObject) } as WdtAck;
	// Read under one name whatever the operation calls it (possiblyAcknowledged, possiblyPushed).
	if (profile.words.possiblyDoneFlag in ack) ack.possiblyDone = ack[profile.words.possiblyDoneFlag] as boolean;
	return ack;
}

/** What the output object says was sent: all but the outcome fields. */
export function sentPart(ack: WdtAck, profile: Pick<ReliabilityProfile, 'words'>): IDataObject {
	const outcome = { ...outcomeTypes(profile.words), possiblyDone: 'boolean' };
	return Object.fromEntries(Object.entries(ack).filter(([key]) => !(key in outcome))) as IDataObject;
}

/** The same JSON whatever the order of keys. */
export function sameJson(a: unknown, b: unknown): boolean {
	const sorted = (value: unknown): unknown =>
		value === null || typeof value !== 'object' || Array.isArray(value)
			? value
			: Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([key, entry]) => [key, sorted(entry)]));
	return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
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

/** Runs pinned items → the profile's operation against `gateway`; `parameters` add to the profile's. */
export async function runAck(profile: ReliabilityProfile, gateway: MockGateway, items: IDataObject[], options: RunAckOptions = {}): Promise<AckRun> {
	const { credentials, parameters, ...node } = options;
	const started = Date.now();
	const result = await runWorkflow({
		workflow: ackWorkflow(items, { ...node, parameters: { ...profile.parameters, ...parameters } }),
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
export function failedReasonProblems(run: AckRun, profile: ReliabilityProfile): string[] {
	return run.failed.flatMap((item) => {
		const ack = wdtAck(item, profile);
		const ok = typeof ack.reason === 'string' && ack.reason !== '' && typeof ack.error === 'string' && ack.error.trim() !== '';
		return ok ? [] : [`item ${pairedIndex(item)} failed without reason/error: ${JSON.stringify(ack)}`];
	});
}

export function ackRequests(gateway: MockGateway, profile: ReliabilityProfile): RequestRecord[] {
	return gateway.requests.filter((request) => request.api === profile.api);
}

/** One element of a sent list, as received, untouched. */
export type SentRecord = Record<string, unknown>;

export function sentList(request: RequestRecord, profile: ReliabilityProfile): SentRecord[] {
	const name = profile.listParameter;
	const text = request.params[name];
	if (text === undefined) throw new Error(`request #${request.number} has no ${name}`);
	const whole: unknown = JSON.parse(text);
	// api_goodsspec_push sends one object whose `goods_list` is the list.
	const parsed = profile.listIn === undefined || whole === null || typeof whole !== 'object' ? whole : (whole as Record<string, unknown>)[profile.listIn];
	if (!Array.isArray(parsed)) throw new Error(`request #${request.number}: ${name} is not a list`);
	return parsed.map((entry: unknown) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new Error(`request #${request.number}: a ${name} element is not an object`);
		}
		return entry as SentRecord;
	});
}

/** The records the gateway took: every id it accepted an element of (no matter how often). */
export function ledgeredIds(profile: ReliabilityProfile, gateway: MockGateway): Set<string> {
	return new Set(profile.ledger(gateway).map(({ element }) => idOf(profile, element)));
}

/** `(label) n` numbers read out of the Stop error's description. */
export function countIn(description: string | undefined, label: RegExp): number | undefined {
	const match = label.exec(description ?? '');
	return match ? Number(match[1]) : undefined;
}

/** The Stop error's count lines, in the operation's words ("Acknowledged: 3.", "Not pushed: 2 (…)."). */
export function descriptionCounts(words: OperationWords) {
	return {
		/** Absent when the run had one batch: nothing can have been done before it. */
		done: new RegExp(`^${words.done}: (\\d+)\\.$`, 'm'),
		notDone: new RegExp(`^${words.notDone}: (\\d+) `, 'm'),
		rejected: /^Refused by the ERP one by one: (\d+)\.$/m,
		invalid: /^Invalid, never sent: (\d+)\.$/m,
		/** Records of the failed batch the ERP may have processed although its answer was lost. */
		possiblyDone: new RegExp(`^${words.possiblyDone}: (\\d+) `, 'm'),
	} as const;
}

/** The Stop error of the node, as a plain object: message and description. */
export function nodeErrorText(run: AckRun): { message: string; description: string } | undefined {
	if (run.result.status === 'success') return undefined;
	const error = run.result.nodeError(NODE) ?? run.result.error;
	if (error === undefined) return undefined;
	return { message: error.message, description: typeof error.description === 'string' ? error.description : '' };
}

/**
 * What the node itself saw of each attempt, as far as it says: a retried attempt's failure kind in
 * its retry warning (`batch 3 attempt 2 failed (timeout); retrying…`), and whether a batch's last
 * attempt timed out in the Failed items' error or the Stop error. The oracle needs it because an
 * answer the gateway delivered is a timeout to a client whose event loop stalled past its timeout.
 */
export interface NodeView {
	/** By batch number, the failure kind of each retried attempt, attempt 1 first. */
	retried: Map<number, string[]>;
	/** Batches whose last attempt the node reported as timed out. */
	lastTimedOut: Set<number>;
}

export const TIMED_OUT = /did not answer within the request timeout/;

/** Batch numbers read from Failed items assume every item was valid, as in the schedules. */
export function nodeView(profile: ReliabilityProfile, run: AckRun, batchSize: number): NodeView {
	const retried = new Map<number, string[]>();
	for (const { message } of run.result.logs) {
		const match = /^Wangdiantong: batch (\d+) attempt (\d+) failed \((\w+)/.exec(message);
		if (match === null) continue;
		const kinds = retried.get(Number(match[1])) ?? [];
		kinds[Number(match[2]) - 1] = match[3];
		retried.set(Number(match[1]), kinds);
	}
	const lastTimedOut = new Set<number>();
	for (const item of run.failed) {
		if (TIMED_OUT.test(wdtAck(item, profile).error ?? '')) lastTimedOut.add(Math.floor(pairedIndex(item) / batchSize) + 1);
	}
	const stopped = new RegExp(`did not ${profile.words.verb} (?:batch (\\d+) of \\d+|the batch): (.*)`).exec(nodeErrorText(run)?.message ?? '');
	if (stopped !== null && TIMED_OUT.test(stopped[2])) lastTimedOut.add(Number(stopped[1] ?? 1));
	return { retried, lastTimedOut };
}
