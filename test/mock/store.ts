/**
 * The gateway's database: known shops, logistics records (pending or already acknowledged) and the
 * ledger of accepted acks. rec_ids are canonical digit strings throughout; they are ordered by
 * length then text, so ids beyond 2^53 never pass through a JS number.
 */
import { canonicalRecId, compareRecIds, makeRecord } from './records';
import type { LedgerEntry, LogisticsRecord, RecordInput } from './types';

interface StoredRecord {
	record: LogisticsRecord;
	pending: boolean;
}

export type RecordState = 'unknown' | 'pending' | 'done' | 'locked';

const DEFAULT_FIRST_REC_ID = 100001n;
const DEFAULT_SHOP = 'mock-shop';

export class LogisticsStore {
	private readonly records = new Map<string, StoredRecord>();
	private readonly shops = new Set<string>();
	private nextRecId = DEFAULT_FIRST_REC_ID;
	readonly ledger: LedgerEntry[] = [];
	/** Pending records whose acks are refused every time: they stay in the pool for ever. */
	private readonly locked = new Set<string>();

	constructor(private readonly now: () => number) {}

	addShop(shopNo: string): void {
		this.shops.add(shopNo);
	}

	hasShop(shopNo: string): boolean {
		return this.shops.has(shopNo);
	}

	/** Adds waiting records; missing fields (even rec_id) are generated. Returns them as stored. */
	addPending(inputs: readonly RecordInput[]): LogisticsRecord[] {
		return inputs.map((input) => this.put(input, true));
	}

	/** `count` generated records with consecutive rec_ids for one shop (which becomes known). */
	seedPending(
		count: number,
		options: { shopNo?: string; firstRecId?: bigint | string | number } = {},
	): LogisticsRecord[] {
		const shopNo = options.shopNo ?? DEFAULT_SHOP;
		this.addShop(shopNo);
		if (options.firstRecId !== undefined) this.nextRecId = BigInt(options.firstRecId);
		return Array.from({ length: count }, () => this.put({ shop_no: shopNo }, true));
	}

	/** Known records that are no longer waiting: acking them gets `非待同步状态,不可更新`. */
	addAcknowledged(inputs: readonly RecordInput[]): LogisticsRecord[] {
		return inputs.map((input) => this.put(input, false));
	}

	/** Waiting records in ascending rec_id order, optionally of one shop. */
	pending(shopNo?: string): LogisticsRecord[] {
		const out: LogisticsRecord[] = [];
		for (const { record, pending } of this.records.values()) {
			if (pending && (shopNo === undefined || record.shop_no === shopNo)) out.push(record);
		}
		return out.sort((a, b) => compareRecIds(a.rec_id, b.rec_id));
	}

	/** Where a rec_id (as received) stands: not a known record, still waiting, or already done. */
	state(rawRecId: string): RecordState {
		const recId = canonicalRecId(rawRecId);
		const stored = recId === undefined ? undefined : this.records.get(recId);
		if (stored === undefined) return 'unknown';
		if (stored.pending && recId !== undefined && this.locked.has(recId)) return 'locked';
		return stored.pending ? 'pending' : 'done';
	}

	/** Accepts one ack of a pending record: it leaves the pool and is written to the ledger. */
	accept(rawRecId: string, status: 0 | 1, message: string, requestNumber: number): void {
		const recId = canonicalRecId(rawRecId);
		const stored = recId === undefined ? undefined : this.records.get(recId);
		if (recId === undefined || stored === undefined || !stored.pending) {
			throw new Error(`rec_id ${rawRecId} is not pending`);
		}
		stored.pending = false;
		this.ledger.push({ recId, status, message, requestNumber });
	}

	/** Makes these pending records refuse every ack (see RecordState 'locked'). */
	lock(rawRecIds: readonly string[]): void {
		for (const raw of rawRecIds) {
			const recId = canonicalRecId(raw);
			if (recId !== undefined) this.locked.add(recId);
		}
	}

	reset(): void {
		this.locked.clear();
		this.records.clear();
		this.shops.clear();
		this.ledger.length = 0;
		this.nextRecId = DEFAULT_FIRST_REC_ID;
	}

	private put(input: RecordInput, pending: boolean): LogisticsRecord {
		const given = input.rec_id === undefined ? undefined : canonicalRecId(input.rec_id);
		if (input.rec_id !== undefined && given === undefined) {
			throw new Error(`rec_id must be a string of digits, got ${String(input.rec_id)}`);
		}
		const recId = given ?? (this.nextRecId++).toString();
		// Keep generated ids clear of explicit ones.
		if (BigInt(recId) >= this.nextRecId) this.nextRecId = BigInt(recId) + 1n;
		const record = makeRecord(recId, input.shop_no ?? DEFAULT_SHOP, this.now(), input);
		this.shops.add(record.shop_no);
		this.records.set(recId, { record, pending });
		return record;
	}
}
