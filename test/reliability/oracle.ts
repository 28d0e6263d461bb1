/**
 * What each record's outcome must be, worked out from the gateway's own log: which batches it
 * received, which attempts of each it processed, which answers it spoiled, and its ledger.
 *
 * Rules (docs/PROTOCOL.md, "logistics_sync_ack", and the node's README):
 * - a batch whose last attempt got a clean answer: records the gateway accepted are Acknowledged
 *   (`acknowledgedByEarlierAttempt` when an earlier attempt had ledgered them and its answer was
 *   lost); unknown records are Failed `rejected` with the gateway's text; records that were already
 *   done are Acknowledged with `noLongerPending` (an earlier ack took them: nothing is left to do),
 *   and also `acknowledgedByEarlierAttempt` when an earlier attempt may have landed, as the node
 *   cannot tell them from its own lost ack; a pending record ledgered by an earlier attempt is
 *   `noLongerPending` too, as the last attempt's answer said so;
 * - a batch whose every attempt failed: all its records are Failed `request_failed`, after exactly
 *   retries + 1 attempts (every fault in the schedule is transient).
 *
 * One thing the gateway cannot see: a client that timed out on an answer it did deliver (an event
 * loop stalled past the tiny timeout). The node then retries; every attempt but the last was thus
 * a failure to the node, so "an earlier attempt may have landed" is any earlier attempt that was
 * not turned away knowably unprocessed (1012, HTTP 503). And when the last allowed attempt was delivered, the node may still have timed out
 * on it: `mayTimeOut` lets the verdict accept a Failed timeout there.
 */
import type { LedgerEntry, RequestRecord } from '../mock/gateway';
import { RATE_LIMIT_PATIENCE_SECONDS, RATE_LIMIT_WAIT_SECONDS_DEFAULT } from '../../nodes/Wangdiantong/core/limits';
import { RECORD_NOT_FOUND } from '../mock/messages';
import { canonical, isAckRequest, sentList } from './support';

export type Origin = 'pending' | 'unknown' | 'done';

export interface InputRecord {
	recId: string;
	status: 0 | 1;
	message?: string;
	origin: Origin;
}

export interface Attempt {
	number: number;
	/** The gateway processed it and delivered its own answer (possibly a little late). */
	clean: boolean;
	/**
	 * Turned away unprocessed in a way the node can know: 1012, or HTTP 503 (no server available;
	 * the node counts 500/502/504 as possibly processed, as a proxy may give up on a gateway at work).
	 */
	rateLimited: boolean;
	/** Answered 1012: counted against the node's rate-limit allowance, not against Retries. */
	limited: boolean;
}

export interface LoggedBatch {
	recIds: string[];
	attempts: Attempt[];
}

export type Expected =
	| { kind: 'acknowledged'; byEarlierAttempt: boolean; noLongerPending: boolean; mayTimeOut: boolean }
	| { kind: 'rejected'; error: string; mayTimeOut: boolean }
	/** `ledgered`: the gateway did accept it, but no answer saying so ever reached the node. */
	| { kind: 'request_failed'; attempts: number; ledgered: boolean }
	| { kind: 'not_sent' };

export interface Analysis {
	batches: LoggedBatch[];
	expected: Map<string, Expected>;
	problems: string[];
}

function attemptOf(request: RequestRecord): Attempt {
	const fault = request.fault;
	const clean =
		(fault === undefined || fault.kind === 'latency') &&
		request.outcome === 'ok' &&
		request.code === 0 &&
		request.httpStatus === 200;
	const turnedAway = fault?.kind === 'rate_limit' || (fault?.kind === 'http' && (fault.status === 503 || fault.status < 500));
	return { number: request.number, clean, rateLimited: turnedAway, limited: fault?.kind === 'rate_limit' || request.code === 1012 };
}

/** Ack requests grouped by batch: every attempt of a batch sends the very same logistics_list. */
export function loggedBatches(requests: readonly RequestRecord[]): LoggedBatch[] {
	const byText = new Map<string, LoggedBatch>();
	for (const request of requests.filter(isAckRequest)) {
		const text = request.params.logistics_list ?? '';
		let batch = byText.get(text);
		if (batch === undefined) {
			batch = { recIds: sentList(request).map((entry) => String(entry.rec_id)), attempts: [] };
			byText.set(text, batch);
		}
		batch.attempts.push(attemptOf(request));
	}
	return [...byText.values()];
}

function chunks<T>(values: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
	return out;
}

function expectForBatch(
	batch: LoggedBatch,
	inputs: ReadonlyMap<string, InputRecord>,
	ledgered: ReadonlyMap<string, LedgerEntry>,
	retries: number,
	problems: string[],
): Array<[string, Expected]> {
	const last = batch.attempts[batch.attempts.length - 1];
	const where = `batch of ${batch.recIds[0]} (${batch.recIds.length} records, requests ${batch.attempts.map((a) => a.number).join(',')})`;
	// Retries count transient failures; 1012s have their own allowance (README, Acknowledge options).
	const limited = batch.attempts.filter((attempt) => attempt.limited).length;
	const transient = batch.attempts.length - limited;
	const rateRetries = rateLimitRetriesFor(retries);
	if (transient > retries + 1 || limited > rateRetries + 1) {
		problems.push(`${where}: ${transient} attempts on transient faults (at most retries + 1 = ${retries + 1}), ${limited} rate-limited (at most ${rateRetries + 1})`);
	}
	if (!last.clean && (last.limited ? limited !== rateRetries + 1 : transient !== retries + 1)) {
		problems.push(`${where}: gave up after ${transient} attempts on transient faults of ${retries + 1} and ${limited} rate-limited of ${rateRetries + 1}`);
	}
	const earlierMayHaveLanded = batch.attempts.slice(0, -1).some((attempt) => !attempt.rateLimited);
	const mayTimeOut = transient === retries + 1;
	return batch.recIds.map((recId): [string, Expected] => {
		const input = inputs.get(recId);
		const entry = ledgered.get(canonical(recId));
		if (!last.clean) return [recId, { kind: 'request_failed', attempts: batch.attempts.length, ledgered: entry !== undefined }];
		if (input?.origin === 'pending') {
			if (entry === undefined) {
				problems.push(`${where}: pending ${recId} answered cleanly but not ledgered`);
				return [recId, { kind: 'not_sent' }];
			}
			const byEarlierAttempt = entry.requestNumber !== last.number;
			return [recId, { kind: 'acknowledged', byEarlierAttempt, noLongerPending: byEarlierAttempt, mayTimeOut }];
		}
		if (input?.origin === 'done') {
			return [recId, { kind: 'acknowledged', byEarlierAttempt: earlierMayHaveLanded, noLongerPending: true, mayTimeOut }];
		}
		return [recId, { kind: 'rejected', error: RECORD_NOT_FOUND, mayTimeOut }];
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
	requests: readonly RequestRecord[],
	ledger: readonly LedgerEntry[],
	inputs: readonly InputRecord[],
	options: { batchSize: number; retries: number },
): Analysis {
	const problems: string[] = [];
	const byId = new Map(inputs.map((input) => [input.recId, input]));
	const ledgered = new Map(ledger.map((entry) => [entry.recId, entry]));
	for (const request of requests.filter(isAckRequest)) {
		// Every request was signed right: the only codes are 0 and the injected 1012.
		if (request.code !== undefined && request.code !== 0 && request.code !== 1012) {
			problems.push(`request #${request.number} answered code ${request.code}`);
		}
	}
	const batches = loggedBatches(requests);
	// Batches are the input order cut into batchSize pieces.
	const planned = new Map(chunks(inputs.map((input) => input.recId), options.batchSize).map((ids) => [ids.join(','), ids]));
	for (const batch of batches) {
		if (!planned.has(batch.recIds.join(','))) problems.push(`unplanned batch sent: ${batch.recIds.slice(0, 3).join(',')}…`);
	}
	for (const entry of ledger) {
		const input = inputs.find((candidate) => canonical(candidate.recId) === entry.recId);
		if (input?.origin !== 'pending') problems.push(`ledgered ${entry.recId}, which was not pending`);
		else if (entry.status !== input.status || entry.message !== (input.message ?? '')) {
			problems.push(`ledgered ${entry.recId} as ${entry.status}/${entry.message}, sent ${input.status}/${input.message ?? ''}`);
		}
	}
	const expected = new Map<string, Expected>();
	for (const batch of batches) {
		for (const [recId, outcome] of expectForBatch(batch, byId, ledgered, options.retries, problems)) expected.set(recId, outcome);
	}
	for (const input of inputs) if (!expected.has(input.recId)) expected.set(input.recId, { kind: 'not_sent' });
	return { batches, expected, problems };
}
