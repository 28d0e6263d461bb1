/**
 * A tiny seeded PRNG (mulberry32) and the draws the reliability tests need. Every failure message
 * prints the seed, so a failing schedule can be replayed exactly with `SEED=<n>`.
 */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(choices: readonly T[]): T;
	/** One of `choices`, each drawn in proportion to its weight. */
	weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
	shuffle<T>(values: readonly T[]): T[];
}

export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (probability) => next() < probability,
		pick: (choices) => choices[int(0, choices.length - 1)],
		weighted: (choices) => {
			const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [choice, weight] of choices) {
				roll -= weight;
				if (roll < 0) return choice;
			}
			return choices[choices.length - 1][0];
		},
		shuffle: (values) => {
			const out = [...values];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		},
	};
}

/** Seeds to run: `SEED=<n>` replays one; otherwise `count` fixed seeds derived from `base`. */
export function seeds(count: number, base: number): number[] {
	const only = process.env.SEED;
	if (only !== undefined && /^\d+$/.test(only)) return [Number(only)];
	return Array.from({ length: count }, (_, i) => (base + i * 7919) >>> 0);
}
