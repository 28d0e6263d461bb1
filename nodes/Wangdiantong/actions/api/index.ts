import type { INodeProperties } from 'n8n-workflow';

import * as call from './call/call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['api'] } },
		options: [
			{
				name: 'API Call',
				value: 'call',
				description: 'Call any openapi2 script with the credential: signed, retried, code ≠ 0 as an error',
				action: 'Call any openapi2 API',
			},
		],
		default: 'call',
	},
	...call.description,
];
