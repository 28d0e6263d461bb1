/**
 * What every push operation's editor panel and run share (Trade, Refund, Goods → Push): the shop,
 * a record mapped with n8n's resource mapper (the item's JSON by default), maybe its lines, and the
 * batch options; then one shop per run, checked before anything is sent.
 */
import {
	NodeOperationError,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { BatchedOperation } from '../../core/batched/operation';
import { shopCodeField } from '../common.shop';
import { executeBatched } from './execute';
import { batchOptions, type BatchOptionsSpec } from './options';

export interface PushSpec<R> {
	resource: string;
	/** The ERP's limit of records per call (the Batch Size's maximum and default), and what they are ("orders"). */
	limit: number;
	records: string;
	notice: string;
	/** What else to know of the shop, a sentence without its full stop. */
	shopNote: string;
	/** The record mapping: its parameter, label, the node method listing its fields, and what it is. */
	record: { name: string; displayName: string; fieldsMethod: string; description: string };
	/** The record's lines, when it has them (`order_list`). */
	lines?: { name: string; displayName: string; description: string };
	fieldNames: readonly string[];
	/** The engine's operation for the run's shop. */
	operationFor: (shopNo: string) => BatchedOperation<R>;
}

function batchSizeOf({ limit, records }: PushSpec<unknown>): BatchOptionsSpec['batchSize'] {
	return { max: limit, default: limit, why: `The ERP takes at most ${limit} ${records} a call` };
}

function pushDescription(panel: PushSpec<unknown>): INodeProperties[] {
	const displayOptions: IDisplayOptions = { show: { resource: [panel.resource], operation: ['push'] } };
	const properties: INodeProperties[] = [
		{ displayName: panel.notice, name: `${panel.record.name}PushNotice`, type: 'notice', default: '', displayOptions },
		shopCodeField(displayOptions, panel.shopNote),
		{
			displayName: panel.record.displayName,
			name: panel.record.name,
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'autoMapInputData', value: null },
			required: true,
			displayOptions,
			typeOptions: {
				resourceMapper: {
					resourceMapperMethod: panel.record.fieldsMethod,
					mode: 'add',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: true,
				},
			},
			description: panel.record.description,
		},
	];
	if (panel.lines) {
		properties.push({
			displayName: panel.lines.displayName,
			name: panel.lines.name,
			type: 'string',
			default: '={{ $json.order_list }}',
			displayOptions,
			description: panel.lines.description,
		});
	}
	properties.push(batchOptions({ displayOptions, batchSize: batchSizeOf(panel), fieldNames: panel.fieldNames }));
	return properties;
}

/** One shop per run: its code is read once, with the run's options, and must be there. */
async function executePush<R>(context: IExecuteFunctions, spec: PushSpec<R>): Promise<INodeExecutionData[][]> {
	const shopNo = String(context.getNodeParameter('shopNo', 0, '')).trim();
	if (shopNo === '') {
		throw new NodeOperationError(context.getNode(), 'Shop Code is empty: enter the shop’s code (店铺编号) as it appears in the ERP', {
			description: 'Nothing was sent.',
		});
	}
	return await executeBatched(context, spec.operationFor(shopNo), batchSizeOf(spec));
}

/** A push operation's panel and run, from its spec. */
export function pushOperation<R>(spec: PushSpec<R>): {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
} {
	return {
		description: pushDescription(spec as PushSpec<unknown>),
		execute: async function (this: IExecuteFunctions) {
			return await executePush(this, spec);
		},
	};
}
