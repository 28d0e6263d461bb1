/** Table cells for the benchmark's markdown. */

/** A number to `digits` places; '–' when there is none. */
export const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Node time over the network floor; '–' without a floor or without requests (nothing was sent). */
export const floorRatio = (nodeMs: number, floor: number, requests: number): string =>
	floor > 0 && requests > 0 ? fmt(nodeMs / floor, 2) : '–';
