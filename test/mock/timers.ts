/**
 * Waits that close() can cut short. Delayed answers must not keep the process (or jest) alive
 * after the gateway is closed, so every pending wait is tracked and released on cancelAll().
 */
export class Sleeper {
	private readonly waits = new Map<NodeJS.Timeout, () => void>();

	/** Resolves after `ms`, or at once when cancelAll() is called. */
	sleep(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.waits.delete(timer);
				resolve();
			}, ms);
			this.waits.set(timer, resolve);
		});
	}

	cancelAll(): void {
		for (const [timer, resolve] of this.waits) {
			clearTimeout(timer);
			resolve();
		}
		this.waits.clear();
	}
}
