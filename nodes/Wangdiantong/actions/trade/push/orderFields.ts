import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mapperFields } from '../../batched/mapperFields';
import { TRADE_FIELDS } from './fields';

/** The Order mapping's fields. */
export async function getOrderFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return { fields: mapperFields(TRADE_FIELDS) };
}
