import type { INodeProperties } from 'n8n-workflow';

import { operationSelect } from '../common.descriptions';
import * as push from './push/push.operation';

export { push };

export const description: INodeProperties[] = [
	operationSelect('refund', [
		{
			name: 'Push',
			value: 'push',
			description: 'Create or update the shop’s refunds and returns in the ERP (sales_refund_push)',
			action: 'Push refunds',
		},
	]),
	...push.description,
];
