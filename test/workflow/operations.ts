/**
 * Every operation on the batched engine, and every pending-list query, as the tests that run over
 * all of them see it: the node parameters that pick it, the script it calls, and how to give the
 * mock gateway records it will accept. A new operation on the engine adds one entry here, and the
 * engine's and the reliability suites' tests run over it.
 */
import type { IDataObject } from 'n8n-workflow';

import { order, refund, sku } from '../fixtures/orders';
import type { MockGateway, RequestRecord } from '../mock/gateway';

export interface BatchedProfile {
	name: string;
	parameters: IDataObject;
	/** The script, as the gateway's request log names it (no `.php`). */
	api: string;
	listParameter: string;
	/** When the list parameter is an object: the field of it that holds the list. */
	listIn?: string;
	/** The ERP's limit on records per call. */
	maxBatch: number;
	/** The object each output item carries. */
	outputKey: string;
	/** `count` records the gateway holds and will accept, as the node's input items. */
	acceptableItems(gateway: MockGateway, count: number): IDataObject[];
}

export interface QueryProfile {
	name: string;
	parameters: IDataObject;
	api: string;
	/** Gives shop `shopNo` `count` records waiting. */
	seed(gateway: MockGateway, count: number, shopNo: string): void;
}

export const BATCHED: readonly BatchedProfile[] = [
	{
		name: 'Logistics Sync → Acknowledge',
		parameters: { resource: 'logisticsSync', operation: 'acknowledge' },
		api: 'logistics_sync_ack',
		listParameter: 'logistics_list',
		maxBatch: 100,
		outputKey: 'wdtAck',
		acceptableItems: (gateway, count) => gateway.seedPending(count).map(({ rec_id }) => ({ rec_id, status: 0 })),
	},
	{
		name: 'Stock Sync → Acknowledge',
		parameters: { resource: 'stockSync', operation: 'acknowledge' },
		api: 'api_goods_stock_change_ack',
		listParameter: 'stock_sync_list',
		maxBatch: 100,
		outputKey: 'wdtAck',
		acceptableItems: (gateway, count) => gateway.seedStockChanges(count).map((change) => ({ ...change })),
	},
	{
		name: 'Trade → Push',
		parameters: { resource: 'trade', operation: 'push', shopNo: 'mock-shop' },
		api: 'trade_push',
		listParameter: 'trade_list',
		maxBatch: 50,
		outputKey: 'wdtPush',
		acceptableItems: (gateway, count) => {
			gateway.addShop('mock-shop');
			return Array.from({ length: count }, (_, i) => order(`T${i}`));
		},
	},
	{
		name: 'Refund → Push',
		parameters: { resource: 'refund', operation: 'push', shopNo: 'mock-shop' },
		api: 'sales_refund_push',
		listParameter: 'api_refund_list',
		maxBatch: 10,
		outputKey: 'wdtPush',
		acceptableItems: (gateway, count) => {
			const tids = Array.from({ length: count }, (_, i) => `T${i}`);
			gateway.addPushedTrades(tids.map((tid) => ({ tid })), 'mock-shop');
			return tids.map((tid, i) => refund(`R${i}`, tid));
		},
	},
	{
		name: 'Goods Spec → Push',
		parameters: { resource: 'goods', operation: 'push', shopNo: 'mock-shop' },
		api: 'api_goodsspec_push',
		listParameter: 'api_goods_info',
		listIn: 'goods_list',
		maxBatch: 2000,
		outputKey: 'wdtPush',
		acceptableItems: (gateway, count) => {
			gateway.addShop('mock-shop');
			return Array.from({ length: count }, (_, i) => sku(`G${i}`, `S${i}`));
		},
	},
];

export const QUERIES: readonly QueryProfile[] = [
	{
		name: 'Logistics Sync → Get Pending',
		parameters: { resource: 'logisticsSync', operation: 'getPending' },
		api: 'logistics_sync_query',
		seed: (gateway, count, shopNo) => void gateway.seedPending(count, { shopNo }),
	},
	{
		name: 'Stock Sync → Get Changes',
		parameters: { resource: 'stockSync', operation: 'getChanges' },
		api: 'api_goods_stock_change_query',
		seed: (gateway, count, shopNo) => void gateway.seedStockChanges(count, shopNo),
	},
];

/** The list a batch request carried, parsed. */
export function sentList(request: RequestRecord, profile: BatchedProfile): IDataObject[] {
	const parsed = JSON.parse(request.params[profile.listParameter] ?? '[]') as IDataObject[] | IDataObject;
	return (profile.listIn === undefined ? parsed : (parsed as IDataObject)[profile.listIn]) as IDataObject[];
}
