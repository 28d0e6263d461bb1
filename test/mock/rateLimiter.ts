/**
 * A sliding-window call counter per appkey. Only calls that pass the limit are counted: a client
 * that keeps knocking during the window is refused but does not extend its own ban.
 */
export class RateLimiter {
	private readonly calls = new Map<string, number[]>();

	constructor(private readonly limit: { maxCalls: number; windowMs: number } | undefined) {}

	/** Whether this call may proceed; records it if so. */
	admit(appKey: string, nowMs: number): boolean {
		const limit = this.limit;
		if (limit === undefined) return true;
		const recent = (this.calls.get(appKey) ?? []).filter((at) => nowMs - at < limit.windowMs);
		const admitted = recent.length < limit.maxCalls;
		if (admitted) recent.push(nowMs);
		this.calls.set(appKey, recent);
		return admitted;
	}

	reset(): void {
		this.calls.clear();
	}
}
