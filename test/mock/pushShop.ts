/**
 * The shop check every push script starts with (docs/PROTOCOL.md, "trade_push"): the shop must be
 * known, enabled, and self-built (自有, platform 127), each refused in the vendor's words.
 */
import * as say from './messages';

export const SELF_BUILT_PLATFORM_ID = 127;

/** A known shop as the push scripts see it (GatewayStore.shopInfo). */
export interface ShopInfo {
	platformId: number;
	disabled: boolean;
}

/** Why a push for this shop is refused, or undefined; a missing shop_no counts as unknown. */
export function pushShopRefusal(shop: ShopInfo | undefined): string | undefined {
	if (shop === undefined) return say.SHOP_INVALID;
	if (shop.disabled) return say.SHOP_DISABLED;
	return shop.platformId === SELF_BUILT_PLATFORM_ID ? undefined : say.SHOP_NOT_SELF_BUILT;
}
