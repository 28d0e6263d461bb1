import type { INodeProperties } from 'n8n-workflow';

import { operationSelect } from '../common.descriptions';
import * as call from './call/call.operation';

export { call };

export const description: INodeProperties[] = [
	operationSelect('api', [
		{
			name: 'API Call',
			value: 'call',
			description: 'Call any openapi2 script with the credential: signed, retried, code ≠ 0 as an error',
			action: 'Call any openapi2 API',
		},
	]),
	...call.description,
];
