/**
 * The refunds sales_refund_push.php saved (docs/PROTOCOL.md, "sales_refund_push"): the last version
 * pushed under each refund_no, and the ledger of every save in order, created or updated. The
 * store (store.ts) composes it; the checks and texts are the script's (refundPush.ts).
 */
import type { PushedRefund, RefundLedgerEntry } from './types';

export class RefundPool {
	private readonly refunds = new Map<string, PushedRefund>();
	/** Every save, in order. Live: it grows as requests arrive. */
	readonly ledger: RefundLedgerEntry[] = [];

	/** Saves a refund under its refund_no: created if new, else replaced (a re-push updates). */
	save(pushed: PushedRefund): boolean {
		const created = !this.refunds.has(pushed.refundNo);
		this.refunds.set(pushed.refundNo, structuredClone(pushed));
		this.ledger.push({ refundNo: pushed.refundNo, tid: pushed.tid, requestNumber: pushed.requestNumber, created });
		return created;
	}

	/** A copy of the refund saved under `refundNo`, or undefined. */
	get(refundNo: string): PushedRefund | undefined {
		const pushed = this.refunds.get(refundNo);
		return pushed === undefined ? undefined : structuredClone(pushed);
	}

	clear(): void {
		this.refunds.clear();
		this.ledger.length = 0;
	}
}
