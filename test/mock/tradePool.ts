/**
 * The orders trade_push.php saved (docs/PROTOCOL.md, "trade_push"): the last version pushed under
 * each tid, and the ledger of every save, in order, with whether it created the order or updated
 * it. The store (store.ts) composes it; the checks and texts are the script's (tradePush.ts).
 */
import type { PushedTrade, TradeLedgerEntry } from './types';

export class TradePool {
	private readonly trades = new Map<string, PushedTrade>();
	/** Every save, in order. Live: it grows as requests arrive. */
	readonly ledger: TradeLedgerEntry[] = [];

	/** Saves an order under its tid: created if the tid is new, else replaced (a re-push updates). */
	save(pushed: PushedTrade): boolean {
		const created = !this.trades.has(pushed.tid);
		this.trades.set(pushed.tid, structuredClone(pushed));
		this.ledger.push({ tid: pushed.tid, requestNumber: pushed.requestNumber, created });
		return created;
	}

	/** An order known before the test's requests: no ledger entry, as no request saved it. */
	seed(pushed: PushedTrade): void {
		this.trades.set(pushed.tid, structuredClone(pushed));
	}

	/** A copy of the order saved under `tid`, or undefined. */
	get(tid: string): PushedTrade | undefined {
		const pushed = this.trades.get(tid);
		return pushed === undefined ? undefined : structuredClone(pushed);
	}

	clear(): void {
		this.trades.clear();
		this.ledger.length = 0;
	}
}
