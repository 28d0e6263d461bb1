import type { INodeProperties } from 'n8n-workflow';

import { operationSelect } from '../common.descriptions';
import * as push from './push/push.operation';

export { push };

export const description: INodeProperties[] = [
	operationSelect('goods', [
		{
			name: 'Push',
			value: 'push',
			description: 'Create or update the shop’s platform SKUs in the ERP, to match them to the ERP’s goods (api_goodsspec_push)',
			action: 'Push goods',
		},
	]),
	...push.description,
];
