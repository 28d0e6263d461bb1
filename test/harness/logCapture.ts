// Captures everything n8n logs while a workflow runs, so tests can scan logs (e.g. for secrets).
//
// n8n logs through two doors, and we install one logger behind both:
// - `Container.get(Logger)` from @n8n/backend-common: what node contexts return as `this.logger`,
//   and what ErrorReporter uses to log node errors.
// - `LoggerProxy` from n8n-workflow: what WorkflowExecute uses ("Running node ... started" etc.).
// Entries go to the sink of the run in progress, found through AsyncLocalStorage, so concurrent
// runs (a benchmark) keep separate logs. Entries logged outside any run are dropped.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import type { LogMetadata } from 'n8n-workflow';

export type CapturedLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface CapturedLog {
	level: CapturedLogLevel;
	message: string;
	/** JSON-safe copy of the metadata; errors become `{ name, message, stack, ...ownFields }`. */
	meta?: Record<string, unknown>;
}

const sinks = new AsyncLocalStorage<CapturedLog[]>();

/** Runs `fn` so that every log line emitted inside it (sync or async) lands in `sink`. */
export function withLogSink<T>(sink: CapturedLog[], fn: () => T): T {
	return sinks.run(sink, fn);
}

// Metadata often holds errors (axios errors carry request config and headers); copy them into
// plain data now, so a later JSON.stringify in a test sees messages instead of `{}`.
function toPlain(value: unknown, ancestors: Set<unknown>, depth: number): unknown {
	if (value === null || typeof value !== 'object') {
		return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
	}
	if (ancestors.has(value)) return '[circular]';
	if (depth > 8) return '[too deep]';
	ancestors.add(value);
	let plain: unknown;
	if (Array.isArray(value)) {
		plain = value.map((entry) => toPlain(entry, ancestors, depth + 1));
	} else {
		const copy: Record<string, unknown> = {};
		if (value instanceof Error) {
			copy.name = value.name;
			copy.message = value.message;
			copy.stack = value.stack;
		}
		for (const [key, entry] of Object.entries(value)) {
			copy[key] = toPlain(entry, ancestors, depth + 1);
		}
		plain = copy;
	}
	// Only ancestors count as cycles; the same object may appear twice side by side.
	ancestors.delete(value);
	return plain;
}

function record(level: CapturedLogLevel, message: string, metadata?: LogMetadata): void {
	const sink = sinks.getStore();
	if (sink === undefined) return;
	const entry: CapturedLog = { level, message: String(message) };
	if (metadata !== undefined) {
		const meta = toPlain(metadata, new Set(), 0);
		if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) {
			entry.meta = meta as Record<string, unknown>;
		}
	}
	sink.push(entry);
}

// DI hands the logger out typed as the Logger class (which has private members), so we build an
// instance of that class. We skip its constructor: it would build a winston logger and pin
// levels below the configured one (e.g. debug) to non-writable no-ops on the instance.
function createCapturingLogger(): Logger {
	const logger: Logger = Object.create(Logger.prototype);
	return Object.assign(logger, {
		error: (message: string, metadata?: LogMetadata) => record('error', message, metadata),
		warn: (message: string, metadata?: LogMetadata) => record('warn', message, metadata),
		info: (message: string, metadata?: LogMetadata) => record('info', message, metadata),
		debug: (message: string, metadata?: LogMetadata) => record('debug', message, metadata),
		// The real one builds a new logger per scope; keep capturing instead.
		scoped: () => logger,
	});
}

/** Puts the capturing logger behind both of n8n's logging doors. */
export function installCapturingLogger(): void {
	const logger = createCapturingLogger();
	Container.set(Logger, logger);
	LoggerProxy.init(logger);
}
