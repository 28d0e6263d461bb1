/**
 * The push operations the benchmark runs (Trade → Push): a profile the tests already know by name
 * (test/workflow/operations.ts), whose `acceptableItems` gives the gateway the shop and makes
 * records it will take (`order(tid)` for Trade Push). The gateway's process makes them and hands
 * them to the scenario's process as its input items.
 */
import { BATCHED, type BatchedProfile } from '../test/workflow/operations';
import { operationNamed } from './operationProfiles';

export const PUSHES = {
	trade: operationNamed(BATCHED, 'Trade → Push'),
} satisfies Record<string, BatchedProfile>;

export type PushName = keyof typeof PUSHES;

/** Orders in the rate-limited Trade Push row (the figure): 200 calls of 50, about 3.5 minutes at the ceiling. */
export const PUSH_UNDER_LIMIT_RECORDS = 10_000;
