/**
 * Faults on demand: a queue of injected faults, each consumed by the next matching requests, and an
 * optional plan consulted when the queue has nothing for a request (e.g. a seeded random schedule).
 */
import type { Fault, FaultContext, FaultPlan } from './types';

interface Queued {
	fault: Fault;
	api: string | undefined;
	remaining: number;
}

/** `logistics_sync_ack.php` and `logistics_sync_ack` name the same API. */
export function apiName(script: string): string {
	return script.endsWith('.php') ? script.slice(0, -'.php'.length) : script;
}

export class FaultQueue {
	private queue: Queued[] = [];
	private plan: FaultPlan | undefined;

	inject(fault: Fault, options: { api?: string; times?: number } = {}): void {
		const times = options.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new Error(`times must be ≥ 1, got ${times}`);
		const api = options.api === undefined ? undefined : apiName(options.api);
		this.queue.push({ fault, api, remaining: times });
	}

	setPlan(plan: FaultPlan | undefined): void {
		this.plan = plan;
	}

	/** The fault for this request, consuming one use of the first matching queued entry. */
	take(ctx: FaultContext): Fault | undefined {
		const index = this.queue.findIndex((entry) => entry.api === undefined || entry.api === ctx.api);
		if (index < 0) return this.plan?.(ctx);
		const entry = this.queue[index];
		entry.remaining -= 1;
		if (entry.remaining === 0) this.queue.splice(index, 1);
		return entry.fault;
	}

	reset(): void {
		this.queue = [];
		this.plan = undefined;
	}
}

/** What a proxy in front of the gateway sends for an HTTP fault. */
export function httpErrorPage(status: number): string {
	return `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>\n`;
}

/** HTTP 200 yet no JSON: what a PHP fatal error in the gateway looks like. */
export const PHP_ERROR_PAGE =
	'<br />\n<b>Fatal error</b>:  Allowed memory size exhausted in <b>/data/www/openapi2/index.php</b> on line <b>88</b><br />\n';
