import type { INodeProperties } from 'n8n-workflow';

import { operationSelect } from '../common.descriptions';
import * as acknowledge from './acknowledge/acknowledge.operation';
import * as getPending from './getPending/getPending.operation';

export { acknowledge, getPending };

export const description: INodeProperties[] = [
	operationSelect('logisticsSync', [
		{
			name: 'Acknowledge',
			value: 'acknowledge',
			description: 'Report to the ERP whether each record reached the shop platform (logistics_sync_ack)',
			action: 'Acknowledge records',
		},
		{
			name: 'Get Pending',
			value: 'getPending',
			description: 'Fetch the records waiting to be synced to the shop platform (logistics_sync_query)',
			action: 'Get pending records',
		},
	]),
	...acknowledge.description,
	...getPending.description,
];
