import type { INodeProperties } from 'n8n-workflow';

import * as push from './push/push.operation';

export { push };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['refund'] } },
		options: [
			{
				name: 'Push',
				value: 'push',
				description: 'Create or update the shop’s refunds and returns in the ERP (sales_refund_push)',
				action: 'Push refunds',
			},
		],
		default: 'push',
	},
	...push.description,
];
