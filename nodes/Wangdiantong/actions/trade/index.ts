import type { INodeProperties } from 'n8n-workflow';

import { operationSelect } from '../common.descriptions';
import * as push from './push/push.operation';

export { push };

export const description: INodeProperties[] = [
	operationSelect('trade', [
		{
			name: 'Push',
			value: 'push',
			description: 'Create or update the shop’s orders in the ERP (trade_push)',
			action: 'Push orders',
		},
	]),
	...push.description,
];
