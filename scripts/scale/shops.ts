/**
 * The scale run's fixed cast: three shops of one merchant sharing one appkey, each with its own
 * copy of the sync loop (one workflow per shop, as merchants set them up; each has its own
 * webhook), and the node names of the example they all come from.
 */
export const SHOPS = ['scale-shop-1', 'scale-shop-2', 'scale-shop-3'] as const;
export type Shop = (typeof SHOPS)[number];

/** n8n 1.x treats workflow ids of at most 16 characters as valid (utils.isWorkflowIdValid). */
export const workflowIdOf = (shop: Shop): string => `wdtScaleShop${SHOPS.indexOf(shop) + 1}`;
export const webhookPathOf = (shop: Shop): string => `wdt-scale/${shop}`;
export const shopOfWorkflow = (workflowId: string): Shop | undefined => SHOPS.find((shop) => workflowIdOf(shop) === workflowId);

export const CREDENTIAL_ID = 'wdt-mock';

// The example's node names (examples/logistics-sync-loop.workflow.json).
export const TRIGGER = 'Every 5 minutes';
export const GET_PENDING = 'Get pending records';
export const PUSH = 'REPLACE ME: push tracking number to your platform';
export const ACK = 'Acknowledge to ERP';
export const NEXT_ROUND = 'Next round?';

/** The rate limit the mock gateway enforces per appkey, as docs/PROTOCOL.md, "Rate limit" has it. */
export const RATE_LIMIT = { maxCalls: 60, windowMs: 60_000 };
/** Records a query returns and an ack carries at most: the ceiling is 2 calls per 100 records. */
export const RECORDS_PER_CALL = 100;
export const CEILING_PER_MINUTE = (RATE_LIMIT.maxCalls / 2) * RECORDS_PER_CALL * (60_000 / RATE_LIMIT.windowMs);
