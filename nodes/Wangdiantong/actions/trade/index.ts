import type { INodeProperties } from 'n8n-workflow';

import * as push from './push/push.operation';

export { push };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['trade'] } },
		options: [
			{
				name: 'Push',
				value: 'push',
				description: 'Create or update the shop’s orders in the ERP (trade_push)',
				action: 'Push orders',
			},
		],
		default: 'push',
	},
	...push.description,
];
