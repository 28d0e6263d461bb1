/**
 * Seeded fault schedules for the mock gateway, and the run settings that go with them.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import type { Fault, FaultPlan, MockGateway, MockGatewayOptions } from '../mock/gateway';
import { elementOf, idOf, type ReliabilityProfile } from '../workflow/operations';
import type { InputRecord, Origin } from './oracle';
import type { Rng } from './prng';

/** Node options kept tiny so that hundreds of faulty requests take seconds. */
export const TIMEOUT_MS = 150;
export const RETRY_WAIT_MS = 2;
export const RATE_LIMIT_WAIT_S = 0.01;
/** Answers held this long are always past the client's timeout. */
const HELD_MS = TIMEOUT_MS * 3;
/** Slow but in time: far under the timeout, so the client does get these answers. */
const MAX_LATENCY_MS = 20;

export interface RunSettings {
	seed: number;
	pending: number;
	unknown: number;
	done: number;
	batchSize: number;
	retries: number;
	concurrency: number;
	onError: NonNullable<INode['onError']>;
	faultRate: number;
	/** How the gateway writes its (clean) answers: each protocol-allowed variant now and then. */
	shape: Pick<MockGatewayOptions, 'codeAsString' | 'errorsRecIdAsNumber' | 'omitEmptyErrors' | 'escapeUnicode'>;
}

/** `maxBatch`: the operation's limit, which the node clamps Batch Size to. */
export function drawSettings(seed: number, rng: Rng, onError: RunSettings['onError'], maxBatch = 100): RunSettings {
	return {
		seed,
		pending: rng.int(150, 380),
		unknown: rng.int(0, 10),
		done: rng.int(0, 10),
		batchSize: rng.int(1, Math.min(100, maxBatch)),
		retries: rng.int(0, 4),
		// Stop runs keep one batch in flight, so "which batch stopped the run" is exact.
		concurrency: onError === 'stopWorkflow' ? 1 : rng.weighted([[1, 3], [2, 1], [3, 1]]),
		onError,
		faultRate: 0.15 + 0.45 * rng.next(),
		shape: {
			codeAsString: rng.chance(0.3),
			errorsRecIdAsNumber: rng.chance(0.3),
			omitEmptyErrors: rng.chance(0.3),
			escapeUnicode: rng.chance(0.3),
		},
	};
}

export function nodeOptions(settings: RunSettings) {
	return {
		batchSize: settings.batchSize,
		concurrency: settings.concurrency,
		retries: settings.retries,
		timeout: TIMEOUT_MS,
		retryWait: RETRY_WAIT_MS,
		rateLimitWait: RATE_LIMIT_WAIT_S,
	};
}

type FaultMaker = (rng: Rng) => Fault;

/** Every transient fault the gateway (or a proxy in front of it) can produce, with weights. */
const FAULTS: ReadonlyArray<readonly [FaultMaker, number]> = [
	[() => ({ kind: 'reset', when: 'before' }), 1],
	[() => ({ kind: 'reset', when: 'after' }), 1.5],
	[(rng) => ({ kind: 'http', status: rng.pick([500, 502, 503, 504]) }), 1],
	[() => ({ kind: 'non_json', when: 'before' }), 0.7],
	[() => ({ kind: 'non_json', when: 'after' }), 1],
	[() => ({ kind: 'delay', ms: HELD_MS, when: 'after' }), 0.5],
	[() => ({ kind: 'delay', ms: HELD_MS, when: 'before' }), 0.5],
	[(rng) => ({ kind: 'latency', ms: rng.int(1, MAX_LATENCY_MS) }), 0.7],
];

/**
 * A plan for the gateway: each request is clean or gets a fault, `faultRate` of the time; rate
 * limiting comes in bursts of 1–5 consecutive requests. `failEverything` leaves no request clean.
 */
export function faultPlan(rng: Rng, faultRate: number, failEverything = false): FaultPlan {
	let burst = 0;
	return () => {
		if (burst > 0) {
			burst--;
			return { kind: 'rate_limit' };
		}
		if (!failEverything && !rng.chance(faultRate)) return undefined;
		if (rng.chance(0.15)) {
			burst = rng.int(0, 4);
			return { kind: 'rate_limit' };
		}
		let fault = rng.weighted(FAULTS)(rng);
		// A slow answer still counts as clean; a gateway that fails everything must not give one.
		while (failEverything && fault.kind === 'latency') fault = rng.weighted(FAULTS)(rng);
		return fault;
	};
}

/**
 * The longest a run may take before we call it hung: every attempt of every batch timing out,
 * every backoff at its longest, with generous slack. A bound on hanging, not a performance target.
 */
export function hangBoundMs(settings: RunSettings, batches: number): number {
	const attemptMs = TIMEOUT_MS + 500;
	const backoffMs = Math.max(RATE_LIMIT_WAIT_S * 1000 * 1.1, RETRY_WAIT_MS * 2 ** settings.retries) + 50;
	const perBatch = (settings.retries + 1) * attemptMs + settings.retries * backoffMs;
	return 10_000 + batches * perBatch;
}

/**
 * The run's items in a shuffled order: fresh pending records of the gateway, plus some it does not
 * know (记录不存在) and some an ack took before the run.
 */
export function buildInputs(profile: ReliabilityProfile, gateway: MockGateway, settings: RunSettings, rng: Rng): { inputs: InputRecord[]; items: IDataObject[] } {
	// Only refusals record by record here. A refusal naming records by id (trade) makes the node send
	// the rest again, rounds the oracle does not model yet; a whole-call refusal (refund, code 100)
	// the node reads as a refusal of the credentials, halting every later batch: both are left to
	// their own tests (tradePush.test.ts, refundPush.test.ts) until the oracle models them.
	const unknown = profile.refusal === 'perRecord' ? settings.unknown : 0;
	const unknownIds = Array.from({ length: unknown }, (_, i) => String(9_000_000_000 + i * 13));
	const tagged = rng.shuffle<[IDataObject, Origin]>([
		...profile.acceptableItems(gateway, settings.pending, { rng }).map((item): [IDataObject, Origin] => [item, 'pending']),
		...profile.unknownItems(gateway, unknownIds, rng).map((item): [IDataObject, Origin] => [item, 'unknown']),
		...profile.acceptableItems(gateway, settings.done, { done: true, rng }).map((item): [IDataObject, Origin] => [item, 'done']),
	]);
	// Each item also carries a key of no meaning to the node, to show its JSON comes out unchanged; a
	// push sends the whole item, so the element is read from the item with that key.
	const items = tagged.map(([item], i) => ({ ...item, order: `T${i}` }));
	const inputs = tagged.map(([, origin], i): InputRecord => ({ recId: idOf(profile, items[i]), origin, element: elementOf(profile, items[i]) }));
	return { inputs, items };
}
