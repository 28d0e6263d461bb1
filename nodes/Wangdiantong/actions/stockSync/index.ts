import type { INodeProperties } from 'n8n-workflow';

import { operationSelect } from '../common.descriptions';
import * as acknowledge from './acknowledge/acknowledge.operation';
import * as getChanges from './getChanges/getChanges.operation';

export { acknowledge, getChanges };

export const description: INodeProperties[] = [
	operationSelect('stockSync', [
		{
			name: 'Acknowledge',
			value: 'acknowledge',
			description: 'Tell the ERP which stock changes the shop platform applied (api_goods_stock_change_ack)',
			action: 'Acknowledge stock changes',
		},
		{
			name: 'Get Changes',
			value: 'getChanges',
			description: 'Fetch the stock changes waiting to be set on the shop platform (api_goods_stock_change_query)',
			action: 'Get stock changes',
		},
	], 'getChanges'),
	...acknowledge.description,
	...getChanges.description,
];
