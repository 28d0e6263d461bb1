/**
 * logistics_sync_query.php: up to `limit` waiting records of one shop, lowest rec_id first. It does
 * not page: records stay in the pool until acked, so the same ones come back on the next call.
 */
import { param } from '../form';
import {
	CODE_DISABLED,
	CODE_OK,
	CODE_PARAM,
	IS_PART_SYNC_ABLE_INVALID,
	LIMIT_INVALID,
	SHOP_NOT_FOUND,
	missingParam,
} from '../messages';
import { errorReply, type Reply } from '../reply';
import type { ApiContext } from './context';

const MAX_LIMIT = 100;

/** `limit` as an integer in 1–100 (100 when absent), or undefined when invalid. */
function parseLimit(raw: string | undefined): number | undefined {
	if (raw === undefined || raw === '') return MAX_LIMIT;
	if (!/^\d{1,3}$/.test(raw)) return undefined;
	const limit = Number(raw);
	return limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

export function logisticsSyncQuery(
	params: Readonly<Record<string, string>>,
	ctx: ApiContext,
): Reply {
	const shopNo = param(params, 'shop_no');
	if (!shopNo) return errorReply(CODE_PARAM, missingParam('shop_no'));
	const limit = parseLimit(param(params, 'limit'));
	if (limit === undefined) return errorReply(CODE_PARAM, LIMIT_INVALID);
	const partSyncAble = param(params, 'is_part_sync_able') || '0';
	if (partSyncAble !== '0' && partSyncAble !== '1') {
		return errorReply(CODE_PARAM, IS_PART_SYNC_ABLE_INVALID);
	}
	if (!ctx.store.hasShop(shopNo)) return errorReply(CODE_DISABLED, SHOP_NOT_FOUND);

	// Split-shipment records only go to sellers who said they can sync them.
	const trades = ctx.store
		.pending(shopNo)
		.filter((record) => partSyncAble === '1' || record.is_part_sync === 0)
		.slice(0, limit);
	return { code: CODE_OK, body: { code: CODE_OK, message: '', trades } };
}
