/**
 * rec_ids as the mock keeps them, shared by both pools (logistics, stock): canonical digit strings,
 * ordered by length then text, so ids beyond 2^53 never pass through a number; and the stable
 * pseudo-random digits generated records are made of, so a seeded gateway looks the same every run.
 */

const FIRST_REC_ID = 100001n;

/** FNV-1a over the text: a stable source of "random" digits per record. */
export function hash(text: string, salt: number): number {
	let h = 0x811c9dc5 ^ salt;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h >>> 0;
}

export function digits(seed: string, salt: number, count: number): string {
	let out = '';
	for (let round = 0; out.length < count; round++) out += String(hash(seed, salt + round));
	return out.slice(0, count);
}

/** A rec_id written canonically: digits only, no leading zeros; undefined if not an id at all. */
export function canonicalRecId(raw: string | number | bigint): string | undefined {
	const text = typeof raw === 'string' ? raw.trim() : raw.toString();
	return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : undefined;
}

/** Numeric order of canonical rec_ids, without turning them into numbers. */
export const byRecId = (a: { rec_id: string }, b: { rec_id: string }): number =>
	a.rec_id.length - b.rec_id.length || (a.rec_id < b.rec_id ? -1 : a.rec_id > b.rec_id ? 1 : 0);

/**
 * Generated rec_ids, from 100001 on. One sequence serves both pools, so a generated id names one
 * record only: an ack sent to the wrong script never clears something by accident.
 */
export class RecIdSequence {
	private next = FIRST_REC_ID;

	/** The id for an input's rec_id (checked and made canonical), or the next generated one. */
	take(given: string | number | bigint | undefined): string {
		if (given === undefined) return `${this.next++}`;
		const recId = canonicalRecId(given);
		if (recId === undefined) throw new Error(`rec_id must be a string of digits, got ${String(given)}`);
		// Keep generated ids clear of explicit ones.
		if (BigInt(recId) >= this.next) this.next = BigInt(recId) + 1n;
		return recId;
	}

	restartAt(first: bigint | string | number = FIRST_REC_ID): void {
		this.next = BigInt(first);
	}
}
