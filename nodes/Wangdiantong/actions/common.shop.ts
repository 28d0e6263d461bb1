/**
 * The shop every shop-scoped operation names, and how many records a "what waits to be synced" query fetches.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { QUERY_LIMIT_DEFAULT, QUERY_LIMIT_MAX } from '../core/limits';

/** `note`: what else to know of the shop for this operation, as a sentence without its full stop. */
export function shopCodeField(displayOptions: IDisplayOptions, note: string): INodeProperties {
	return {
		displayName: 'Shop Code',
		name: 'shopNo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. mall01',
		displayOptions,
		description: `The shop’s code in the ERP (店铺编号, shop_no). ${note}.`,
	};
}

/** `records`: what one call fetches, in the user's words ("pending records", "stock changes"). */
export function shopAndMaxRecords(displayOptions: IDisplayOptions, records: string): INodeProperties[] {
	return [
		shopCodeField(displayOptions, 'Run one sync loop per shop at a time'),
		{
			// Not named `limit`: n8n adds a "Limit of N items reached… Return All" hint to any output of a
			// parameter with that name, and this node has no Return All (the ERP does not page).
			displayName: 'Max Records',
			name: 'maxRecords',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: QUERY_LIMIT_MAX },
			default: QUERY_LIMIT_DEFAULT,
			displayOptions,
			description: `How many ${records} one call fetches (the ERP’s limit, 1–${QUERY_LIMIT_MAX}). To get the rest, acknowledge these and loop back to this node.`,
		},
	];
}
