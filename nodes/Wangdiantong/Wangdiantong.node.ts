import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as api from './actions/api';
import * as logisticsSync from './actions/logisticsSync';
import { router } from './actions/router';
import * as stockSync from './actions/stockSync';
import * as trade from './actions/trade';
import { mapperMethod } from './actions/batched/mapperFields';
import * as goods from './actions/goods';
import { GOODS_FIELDS } from './actions/goods/push/fields';
import * as refund from './actions/refund';
import { REFUND_FIELDS } from './actions/refund/push/fields';
import { TRADE_FIELDS } from './actions/trade/push/fields';

/**
 * Outputs follow the operation: Acknowledge (of logistics or stock) routes records to Acknowledged and Failed, Push to Pushed and Failed; other
 * operations have one output. n8n evaluates this from the node's parameters.
 */
const outputsByOperation = `={{ $parameter.operation === 'acknowledge' ? [{ type: '${NodeConnectionTypes.Main}', displayName: 'Acknowledged' }, { type: '${NodeConnectionTypes.Main}', displayName: 'Failed' }] : $parameter.operation === 'push' ? [{ type: '${NodeConnectionTypes.Main}', displayName: 'Pushed' }, { type: '${NodeConnectionTypes.Main}', displayName: 'Failed' }] : [{ type: '${NodeConnectionTypes.Main}' }] }}` as const;

export class Wangdiantong implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wangdiantong',
		name: 'wangdiantong',
		icon: { light: 'file:wangdiantong.svg', dark: 'file:wangdiantong.dark.svg' },
		group: ['transform'],
		version: 1,
		// The action as people read it, not the internal values ("acknowledge: logisticsSync"): the
		// same words as the operations' `action` (actions/*/index.ts). n8n's lint wants the subtitle
		// written here as one literal, so it cannot be built from those.
		subtitle: '={{ $parameter["operation"] === "call" ? "API call: " + ($parameter["script"] || "choose a script") : ({ logisticsSync: { acknowledge: "Acknowledge records", getPending: "Get pending records" }, stockSync: { acknowledge: "Acknowledge stock changes", getChanges: "Get stock changes" }, trade: { push: "Push orders" }, refund: { push: "Push refunds" }, goods: { push: "Push goods" } }[$parameter["resource"]] ?? {})[$parameter["operation"]] ?? $parameter["operation"] }}',
		description: 'Orders, refunds, goods, logistics and stock sync, and any other call, to the Wangdiantong (旺店通) ERP 企业版 open API',
		defaults: { name: 'Wangdiantong' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsByOperation,
		credentials: [{ name: 'wangdiantongApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Any API', value: 'api' },
					{ name: 'Goods Spec', value: 'goods' },
					{ name: 'Logistics Sync', value: 'logisticsSync' },
					{ name: 'Refund', value: 'refund' },
					{ name: 'Stock Sync', value: 'stockSync' },
					{ name: 'Trade', value: 'trade' },
				],
				default: 'logisticsSync',
			},
			...logisticsSync.description,
			...stockSync.description,
			...trade.description,
			...refund.description,
			...goods.description,
			...api.description,
		],
	};

	methods = {
		resourceMapping: { getOrderFields: mapperMethod(TRADE_FIELDS), getRefundFields: mapperMethod(REFUND_FIELDS), getGoodsFields: mapperMethod(GOODS_FIELDS) },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
