/**
 * The platform listings api_goodsspec_push.php saved (docs/PROTOCOL.md, "api_goodsspec_push"): the
 * last version pushed under each shop + goods_id + spec_id, and the ledger of every save in order,
 * created or updated. The store (store.ts) composes it; the checks and texts are the script's
 * (goodsSpecPush.ts).
 */
import type { GoodsSpecLedgerEntry, PushedGoodsSpec } from './types';

const keyOf = (shopNo: string, goodsId: string, specId: string): string => JSON.stringify([shopNo, goodsId, specId]);

export class GoodsSpecPool {
	private readonly rows = new Map<string, PushedGoodsSpec>();
	/** The spec_ids saved per product of a shop, so that a check per row does not scan every row. */
	private readonly skus = new Map<string, Set<string>>();
	/** Every save, in order. Live: it grows as requests arrive. */
	readonly ledger: GoodsSpecLedgerEntry[] = [];

	/** Saves a row under its shop + goods_id + spec_id: created if new, else replaced (a re-push updates). */
	save(pushed: PushedGoodsSpec): boolean {
		const { shopNo, goodsId, specId, requestNumber } = pushed;
		const key = keyOf(shopNo, goodsId, specId);
		const created = !this.rows.has(key);
		this.rows.set(key, structuredClone(pushed));
		const product = JSON.stringify([shopNo, goodsId]);
		this.skus.set(product, (this.skus.get(product) ?? new Set()).add(specId));
		this.ledger.push({ shopNo, goodsId, specId, requestNumber, created });
		return created;
	}

	/** A copy of the row saved under this shop + goods_id + spec_id, or undefined. */
	get(shopNo: string, goodsId: string, specId: string): PushedGoodsSpec | undefined {
		const pushed = this.rows.get(keyOf(shopNo, goodsId, specId));
		return pushed === undefined ? undefined : structuredClone(pushed);
	}

	/** The spec_ids saved for one product of one shop ('' for a row without one). */
	specIds(shopNo: string, goodsId: string): string[] {
		return [...(this.skus.get(JSON.stringify([shopNo, goodsId])) ?? [])];
	}

	clear(): void {
		this.rows.clear();
		this.skus.clear();
		this.ledger.length = 0;
	}
}
