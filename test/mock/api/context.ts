/** What an API handler gets besides the parameters, and the table of scripts the gateway serves. */
import type { LogisticsStore } from '../store';
import type { Reply } from '../reply';

export interface ApiContext {
	store: LogisticsStore;
	requestNumber: number;
	omitEmptyErrors: boolean;
}

export type ApiHandler = (params: Readonly<Record<string, string>>, ctx: ApiContext) => Reply;
