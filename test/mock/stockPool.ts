/**
 * The stock-sync pool of the gateway's database (docs/PROTOCOL.md, "Stock sync"): per listing, the
 * stock to push and a change counter. A change is pending until an ack echoes its current
 * `stock_change_count`; a new change of the stock bumps the counter and makes it pending again.
 * The store (store.ts) composes it; the checks and texts of the ack are the script's (scripts.ts).
 */
import { byRecId, canonicalRecId, digits, hash, type RecIdSequence } from './ids';
import type { StockChange, StockChangeInput, StockLedgerEntry, StockState } from './types';

/** A full stock change for `recId`, with any fields of `input` (but its rec_id) taking precedence. */
function makeStockChange(recId: string, shopNo: string, input: StockChangeInput): StockChange {
	const goodsNo = input.goods_no ?? `G${digits(recId, 7, 6)}`;
	const fields = Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'rec_id'));
	return {
		rec_id: recId, shop_no: shopNo, platform_id: 1, goods_no: goodsNo,
		goods_id: digits(recId, 8, 12), spec_id: digits(recId, 9, 13),
		spec_no: `${goodsNo}-${1 + (hash(recId, 10) % 4)}`,
		sync_stock: hash(recId, 11) % 500,
		stock_change_count: 1 + (hash(recId, 12) % 9),
		...(fields as Omit<StockChangeInput, 'rec_id'>),
	};
}

export class StockPool {
	private readonly changes = new Map<string, { change: StockChange; pending: boolean }>();
	/** Every ack element accepted, in order. Live: it grows as requests arrive. */
	readonly ledger: StockLedgerEntry[] = [];

	/** `ids` is shared with the logistics pool; `shops` is the store's set of known shops. */
	constructor(
		private readonly ids: RecIdSequence,
		private readonly shops: Set<string>,
		private readonly defaultShop: string,
	) {}

	/** Adds changes, pending or already synced; missing fields (even rec_id) are generated. Copies out. */
	add(inputs: readonly StockChangeInput[], pending: boolean): StockChange[] {
		return inputs.map((input) => {
			const recId = this.ids.take(input.rec_id);
			const change = makeStockChange(recId, input.shop_no ?? this.defaultShop, input);
			this.shops.add(change.shop_no);
			this.changes.set(recId, { change, pending });
			return { ...change };
		});
	}

	/** Pending changes in ascending rec_id order, optionally of one shop: copies, as the query lists them. */
	pending(shopNo?: string): StockChange[] {
		const waiting = [...this.changes.values()].filter((c) => c.pending).map((c) => ({ ...c.change }));
		return waiting.filter((c) => shopNo === undefined || c.shop_no === shopNo).sort(byRecId);
	}

	state(rawRecId: string | number | bigint): StockState {
		const stored = this.changes.get(canonicalRecId(rawRecId) ?? '');
		return stored === undefined ? 'unknown' : stored.pending ? 'pending' : 'synced';
	}

	/** The stock changed in the ERP: a new `sync_stock`, the counter bumped, pending (again). */
	change(rawRecId: string | number | bigint, syncStock: number): StockChange {
		const stored = this.changes.get(canonicalRecId(rawRecId) ?? '');
		if (stored === undefined) throw new Error(`no stock change with rec_id ${String(rawRecId)}`);
		if (!Number.isSafeInteger(syncStock)) throw new Error(`sync_stock must be an integer, got ${syncStock}`);
		stored.change.sync_stock = syncStock;
		stored.change.stock_change_count += 1;
		stored.pending = true;
		return { ...stored.change };
	}

	/**
	 * One ack element for a known rec_id (state() is not 'unknown'): it clears the change when
	 * pending and the echoed count is the current one, as the ERP's update is conditional on it;
	 * otherwise nothing changes. Ledgered either way; returns whether it cleared.
	 */
	acknowledge(rawRecId: string, syncStock: number, stockChangeCount: number, requestNumber: number): boolean {
		const recId = canonicalRecId(rawRecId) ?? '';
		const stored = this.changes.get(recId);
		if (stored === undefined) throw new Error(`rec_id ${rawRecId} is not a known stock change`);
		const applied = stored.pending && stored.change.stock_change_count === stockChangeCount;
		if (applied) stored.pending = false;
		this.ledger.push({ recId, syncStock, stockChangeCount, requestNumber, applied });
		return applied;
	}

	clear(): void {
		this.changes.clear();
		this.ledger.length = 0;
	}
}
