/** The scripts the mock serves, by name without `.php`; any other script is a 404. */
import type { ApiHandler } from './context';
import { logisticsSyncAck } from './logisticsSyncAck';
import { logisticsSyncQuery } from './logisticsSyncQuery';

export const APIS: ReadonlyMap<string, ApiHandler> = new Map([
	['logistics_sync_ack', logisticsSyncAck],
	['logistics_sync_query', logisticsSyncQuery],
]);

export type { ApiContext, ApiHandler } from './context';
