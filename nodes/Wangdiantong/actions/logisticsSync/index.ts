import type { INodeProperties } from 'n8n-workflow';

import * as acknowledge from './acknowledge.operation';

export { acknowledge };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['logisticsSync'] } },
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description: 'Report to the ERP whether each record reached the shop platform (logistics_sync_ack)',
				action: 'Acknowledge logistics sync records',
			},
		],
		default: 'acknowledge',
	},
	...acknowledge.description,
];
