import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as api from './api';
import * as goods from './goods';
import * as logisticsSync from './logisticsSync';
import * as stockSync from './stockSync';
import * as refund from './refund';
import * as trade from './trade';
import type { WangdiantongType } from './node.type';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource: unknown = this.getNodeParameter('resource', 0);
	const wangdiantong = {
		resource,
		operation: this.getNodeParameter('operation', 0),
	} as WangdiantongType;

	switch (wangdiantong.resource) {
		case 'logisticsSync':
			return await logisticsSync[wangdiantong.operation].execute.call(this);
		case 'stockSync':
			return await stockSync[wangdiantong.operation].execute.call(this);
		case 'trade':
			return await trade[wangdiantong.operation].execute.call(this);
		case 'refund':
			return await refund[wangdiantong.operation].execute.call(this);
		case 'goods':
			return await goods[wangdiantong.operation].execute.call(this);
		case 'api':
			return await api[wangdiantong.operation].execute.call(this);
		default:
			throw new NodeOperationError(
				this.getNode(),
				`The resource "${String(resource)}" is not supported`,
			);
	}
}
