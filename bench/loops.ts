/**
 * The sync loops the benchmark runs under the ERP's rate limit: an operation's query (Get Pending,
 * Get Changes) and its Acknowledge looping in one execution until the query finds nothing, as the
 * examples do. A loop is a profile of two operations the tests already know by name
 * (test/workflow/operations.ts, which also says how the gateway seeds them), plus what its ack
 * maps beyond its defaults; the workflow (workflows.ts) is the same for every loop, and the
 * gateway's timeline is read as every run under the limit is (rateLimit.ts).
 */
import type { INodeParameters } from 'n8n-workflow';

import { BATCH_SIZE_MAX, QUERY_LIMIT_MAX } from '../nodes/Wangdiantong/core/limits';
import { BATCHED, QUERIES, type BatchedProfile, type QueryProfile } from '../test/workflow/operations';
import { operationNamed } from './operationProfiles';

export interface LoopProfile {
	query: QueryProfile;
	ack: BatchedProfile;
	/** The ack's parameters beyond resource and operation. */
	ackParameters: INodeParameters;
}

function profile(query: string, ack: string, ackParameters: INodeParameters): LoopProfile {
	return { query: operationNamed(QUERIES, query), ack: operationNamed(BATCHED, ack), ackParameters };
}

/**
 * Each round fetches the most the query returns and acknowledges it in one call: a query and an
 * ack per QUERY_LIMIT_MAX records. Logistics Acknowledge's default batch is 50, so its loop sets
 * the maximum, as the shipped example does (README, "Running at scale"); Stock Acknowledge's
 * default is already the maximum, and its default mappings read Get Changes' fields.
 */
export const LOOPS = {
	logistics: profile('Logistics Sync → Get Pending', 'Logistics Sync → Acknowledge', {
		status: 0,
		message: '已同步到平台',
		options: { batchSize: BATCH_SIZE_MAX },
	}),
	stock: profile('Stock Sync → Get Changes', 'Stock Sync → Acknowledge', {}),
} satisfies Record<string, LoopProfile>;

export type LoopName = keyof typeof LOOPS;

/** The shop every loop syncs. */
export const LOOP_SHOP = 'bench-shop';

/** Records per round, and calls per round (a query and an ack). */
export const RECORDS_PER_ROUND = QUERY_LIMIT_MAX;
export const CALLS_PER_ROUND = 2;

/** What a loop's call carries on average: its ceiling's `recordsPerCall` (rateLimit.ts). */
export const LOOP_RECORDS_PER_CALL = RECORDS_PER_ROUND / CALLS_PER_ROUND;
