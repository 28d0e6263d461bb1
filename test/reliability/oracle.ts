/**
 * What each record's outcome must be, worked out from the gateway's own log: which batches it
 * received, which attempts of each it processed, which answers it spoiled, and its ledger. One
 * oracle for every operation on the engine; what differs is the profile's (test/workflow/operations.ts).
 *
 * Rules (docs/PROTOCOL.md, "logistics_sync_ack" and "Stock sync", and the node's README):
 * - a batch whose last attempt got a clean answer: records the gateway accepted are Acknowledged;
 *   unknown records are Failed `rejected` with the gateway's text. Records an earlier call took
 *   (acked before the run, or by an earlier attempt whose answer was lost) depend on the
 *   operation's `alreadyDone`: for stock the gateway accepts them again, so they are plainly
 *   Acknowledged; for logistics it answers 非待同步状态 and they are Acknowledged with
 *   `noLongerPending`, and `acknowledgedByEarlierAttempt` when an earlier attempt may have landed
 *   (for a record done before the run, the node cannot tell that from its own lost ack);
 * - a batch whose every attempt failed: all its records are Failed `request_failed`, after exactly
 *   retries + 1 attempts on transient faults (every fault in the schedule is transient) and the
 *   1012s on top, within their own allowance.
 *
 * What the gateway cannot see: a client whose event loop stalled past the tiny timeout, and on
 * waking ran its timers before reading the socket. An answer the gateway delivered — a clean one,
 * a 1012, an error page — is then a timeout to the node (a transient failure that may have
 * landed), and a request not yet written, or not yet read by the gateway, never reaches its log.
 * So the node's attempts, as it reports them (support.ts, nodeView), are paired with the gateway's
 * requests, each classified as the node saw it; these stalled attempts are counted: they must
 * stay rare.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RequestRecord } from '../mock/gateway';
import { RATE_LIMIT_PATIENCE_SECONDS, RATE_LIMIT_WAIT_SECONDS_DEFAULT } from '../../nodes/Wangdiantong/core/limits';
import { canonical, idOf, type ReliabilityProfile, type LedgerView } from '../workflow/operations';
import { CODE_PUSH_REFUSED } from '../mock/messages';
import { sameJson, sentList, type NodeView } from './support';

export type Origin = 'pending' | 'unknown' | 'done';

export interface InputRecord {
	recId: string;
	origin: Origin;
	/** The list element the node must send for it. */
	element: IDataObject;
}

export interface Attempt {
	/** The gateway's request number; none for a request that never reached it. */
	number?: number;
	/** The gateway processed it and the node read its answer (possibly a little late). */
	clean: boolean;
	/**
	 * Turned away unprocessed in a way the node can know: 1012, or HTTP 503 (no server available;
	 * the node counts 500/502/504 as possibly processed, as a proxy may give up on a gateway at work).
	 */
	turnedAway: boolean;
	/** Answered 1012: counted against the node's rate-limit allowance, not against Retries. */
	limited: boolean;
	/** A timeout to the node that the gateway did not cause (see above). */
	stalled: boolean;
	/** Read by the node, and a refusal of the whole call (the profile's `refusal` is `wholeCall`): final, never retried. */
	refused: boolean;
}

export interface LoggedBatch {
	/** 1-based, in input order. */
	number: number;
	recIds: string[];
	attempts: Attempt[];
}

export type Expected =
	| { kind: 'acknowledged'; byEarlierAttempt: boolean; noLongerPending: boolean }
	| { kind: 'rejected'; error: string }
	/** `ledgered`: the gateway did accept it, but no answer saying so ever reached the node. */
	| { kind: 'request_failed'; attempts: number; ledgered: boolean }
	| { kind: 'not_sent' };

export interface Analysis {
	batches: LoggedBatch[];
	expected: Map<string, Expected>;
	/** Attempts that timed out for the node although the gateway did not hold them (see above). */
	stalled: number;
	problems: string[];
}

/** The failure kind (core/failure.ts) the node must see for what the gateway did; 'ok' for a clean answer. */
function natural(request: RequestRecord): string {
	const kinds: Record<string, string> = { rate_limit: 'erp', http: 'http_status', non_json: 'unreadable_body', reset: 'connection_lost', delay: 'timeout' };
	const fault = request.fault?.kind;
	return fault === undefined || fault === 'latency' ? (request.code === 0 ? 'ok' : 'erp') : (kinds[fault] ?? fault);
}

function attemptOf(profile: ReliabilityProfile, request: RequestRecord | undefined, seen: string | undefined): Attempt {
	if (request === undefined || (seen === 'timeout' && natural(request) !== 'timeout')) {
		return { number: request?.number, clean: false, turnedAway: false, limited: false, stalled: true, refused: false };
	}
	const fault = request.fault;
	const clean =
		(fault === undefined || fault.kind === 'latency') &&
		request.outcome === 'ok' &&
		request.code === 0 &&
		request.httpStatus === 200;
	const turnedAway = fault?.kind === 'rate_limit' || (fault?.kind === 'http' && (fault.status === 503 || fault.status < 500));
	const limited = fault?.kind === 'rate_limit' || request.code === 1012;
	const refused = profile.refusal === 'wholeCall' && (fault === undefined || fault.kind === 'latency') && request.httpStatus === 200 && request.code === CODE_PUSH_REFUSED;
	return { number: request.number, clean, turnedAway, limited, stalled: false, refused };
}

/**
 * The node's attempts of a batch (`seen`: the failure kind it reported for each, undefined for
 * "not a timeout" on the last) paired in order with the gateway's requests: each request one
 * attempt the node saw as the gateway meant it or, stalled, as a timeout; an attempt with no
 * request is one that timed out before reaching the gateway. Undefined when they cannot pair.
 */
function pair(seen: ReadonlyArray<string | undefined>, sent: readonly RequestRecord[]): Array<RequestRecord | undefined> | undefined {
	const paired: Array<RequestRecord | undefined> = [];
	const fits = (kind: string | undefined, request: RequestRecord | undefined) => request !== undefined && (kind === undefined || kind === natural(request));
	for (let i = 0, j = 0; i < seen.length; i++) {
		const surplus = seen.length - i - (sent.length - j);
		if (fits(seen[i], sent[j])) paired.push(sent[j++]);
		else if (seen[i] !== 'timeout') return undefined;
		else if (surplus > 0 && (j === sent.length || fits(seen[i + 1], sent[j]))) paired.push(undefined);
		else if (j < sent.length) paired.push(sent[j++]);
		else return undefined;
	}
	return paired.filter((request) => request !== undefined).length === sent.length ? paired : undefined;
}

function chunks<T>(values: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
	return out;
}

/**
 * Every batch the node tried, in order: the operation's requests grouped by their list (every
 * attempt of a batch sends the very same one), paired with what the node saw of each attempt.
 */
function loggedBatches(profile: ReliabilityProfile, requests: readonly RequestRecord[], planned: readonly string[][], view: NodeView, problems: string[]): LoggedBatch[] {
	const byText = new Map<string, RequestRecord[]>();
	for (const request of requests.filter((candidate) => candidate.api === profile.api)) {
		const text = request.params[profile.listParameter] ?? '';
		byText.set(text, [...(byText.get(text) ?? []), request]);
	}
	const numbers = new Map(planned.map((ids, i) => [ids.join(','), i + 1]));
	const byNumber = new Map<number, RequestRecord[]>();
	for (const sent of byText.values()) {
		const recIds = sentList(sent[0], profile).map((element) => idOf(profile, element));
		const number = numbers.get(recIds.join(','));
		if (number === undefined) problems.push(`unplanned batch sent: ${recIds.slice(0, 3).join(',')}…`);
		else byNumber.set(number, sent);
	}
	return planned.flatMap((recIds, i): LoggedBatch[] => {
		const number = i + 1;
		const sent = byNumber.get(number) ?? [];
		const retried: Array<string | undefined> = Array.from(view.retried.get(number) ?? []); // holes: retries it did not log
		if (sent.length === 0 && retried.length === 0 && !view.lastTimedOut.has(number)) return [];
		const seen = [...retried, view.lastTimedOut.has(number) ? 'timeout' : undefined];
		const paired = retried.includes(undefined) ? undefined : pair(seen, sent);
		if (paired === undefined) {
			problems.push(`batch ${number}: the node saw ${seen.map(String).join(', ')}; the gateway got ${sent.map(natural).join(', ')}`);
			return sent.length === 0 ? [] : [{ number, recIds, attempts: sent.map((request) => attemptOf(profile, request, undefined)) }];
		}
		return [{ number, recIds, attempts: paired.map((request, k) => attemptOf(profile, request, seen[k])) }];
	});
}

function expectForBatch(
	profile: ReliabilityProfile,
	batch: LoggedBatch,
	inputs: ReadonlyMap<string, InputRecord>,
	firstLedgered: ReadonlyMap<string, LedgerView>,
	retries: number,
	problems: string[],
): Array<[string, Expected]> {
	const last = batch.attempts[batch.attempts.length - 1];
	const where = `batch ${batch.number} (${batch.recIds.length} records, requests ${batch.attempts.map((a) => a.number ?? 'lost').join(',')})`;
	// Retries count transient failures; 1012s have their own allowance (README, Acknowledge options).
	const limited = batch.attempts.filter((attempt) => attempt.limited).length;
	const transient = batch.attempts.length - limited;
	const rateRetries = rateLimitRetriesFor(retries);
	if (transient > retries + 1 || limited > rateRetries + 1) {
		problems.push(`${where}: ${transient} attempts on transient faults (at most retries + 1 = ${retries + 1}), ${limited} rate-limited (at most ${rateRetries + 1})`);
	}
	// A refusal of the whole call is final: the batch ends there, its records not taken.
	if (last.refused) return batch.recIds.map((recId) => [recId, { kind: 'request_failed', attempts: batch.attempts.length, ledgered: false }]);
	if (!last.clean && (last.limited ? limited !== rateRetries + 1 : transient !== retries + 1)) {
		problems.push(`${where}: gave up after ${transient} attempts on transient faults of ${retries + 1} and ${limited} rate-limited of ${rateRetries + 1}`);
	}
	const earlierMayHaveLanded = batch.attempts.slice(0, -1).some((attempt) => !attempt.turnedAway);
	return batch.recIds.map((recId): [string, Expected] => {
		const input = inputs.get(recId);
		const entry = firstLedgered.get(canonical(recId));
		if (!last.clean) return [recId, { kind: 'request_failed', attempts: batch.attempts.length, ledgered: entry !== undefined }];
		if (input?.origin === 'unknown') return [recId, { kind: 'rejected', error: profile.notFound }];
		if (input?.origin === 'pending' && entry === undefined) {
			problems.push(`${where}: pending ${recId} answered cleanly but not ledgered`);
			return [recId, { kind: 'not_sent' }];
		}
		if (profile.alreadyDone === 'accepted') return [recId, { kind: 'acknowledged', byEarlierAttempt: false, noLongerPending: false }];
		// Taken before this run, or by an earlier attempt: the last answer said it is no longer pending.
		const byEarlierAttempt = input?.origin === 'done' ? earlierMayHaveLanded : entry?.requestNumber !== last.number;
		return [recId, { kind: 'acknowledged', byEarlierAttempt, noLongerPending: input?.origin === 'done' || byEarlierAttempt }];
	});
}

/**
 * The rate-limit allowance as the README states it: about RATE_LIMIT_PATIENCE_SECONDS of waits at
 * no less than the default wait, never fewer than Retries, none with Retries 0. These tests wait
 * 10 ms, so it is the patience over the default wait.
 */
function rateLimitRetriesFor(retries: number): number {
	return retries === 0 ? 0 : Math.max(retries, Math.ceil(RATE_LIMIT_PATIENCE_SECONDS / RATE_LIMIT_WAIT_SECONDS_DEFAULT));
}

export function analyse(
	profile: ReliabilityProfile,
	requests: readonly RequestRecord[],
	ledger: readonly LedgerView[],
	inputs: readonly InputRecord[],
	options: { batchSize: number; retries: number },
	view: NodeView,
): Analysis {
	const problems: string[] = [];
	const byId = new Map(inputs.map((input) => [input.recId, input]));
	const byCanonical = new Map(inputs.map((input) => [canonical(input.recId), input]));
	for (const request of requests.filter((candidate) => candidate.api === profile.api)) {
		// Every request was signed right: the only codes are 0, the injected 1012, and a push's refusal of its call.
		const refusal = profile.refusal !== 'perRecord' && request.code === CODE_PUSH_REFUSED;
		if (request.code !== undefined && request.code !== 0 && request.code !== 1012 && !refusal) {
			problems.push(`request #${request.number} answered code ${request.code}`);
		}
	}
	// Every element the gateway accepted is one the node was given, with the values it was given.
	const firstLedgered = new Map<string, LedgerView>();
	for (const entry of ledger) {
		const recId = idOf(profile, entry.element);
		const input = byCanonical.get(recId);
		if (input === undefined || input.origin === 'unknown') problems.push(`ledgered ${recId}, which the gateway did not hold`);
		else if (!sameJson(profile.ledgered(input.element), entry.element)) {
			problems.push(`ledgered ${JSON.stringify(entry.element)}, sent ${JSON.stringify(input.element)}`);
		}
		if (!firstLedgered.has(recId)) firstLedgered.set(recId, entry);
	}
	// Batches are the input order cut into batchSize pieces.
	const planned = chunks(inputs.map((input) => input.recId), options.batchSize);
	const batches = loggedBatches(profile, requests, planned, view, problems);
	const expected = new Map<string, Expected>();
	for (const batch of batches) {
		for (const [recId, outcome] of expectForBatch(profile, batch, byId, firstLedgered, options.retries, problems)) expected.set(recId, outcome);
	}
	for (const input of inputs) if (!expected.has(input.recId)) expected.set(input.recId, { kind: 'not_sent' });
	const stalled = batches.reduce((sum, batch) => sum + batch.attempts.filter((attempt) => attempt.stalled).length, 0);
	return { batches, expected, stalled, problems };
}
