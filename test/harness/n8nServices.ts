// What n8n-core reaches for besides the workflow: its DI services, a logger, and the
// IWorkflowExecuteAdditionalData that n8n's CLI builds (workflow-execute-additional-data.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { ExternalSecretsProxy, InstanceSettings } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
// Not re-exported from n8n-core's index.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { LoggerProxy } from 'n8n-workflow';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData, LogMetadata } from 'n8n-workflow';

export interface CapturedLog {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	/** A plain copy of the metadata: errors become `{ name, message, stack, ...ownFields }`. */
	meta?: Record<string, unknown>;
}

// The sink of the run in progress, so that concurrent runs (benchmark, statelessness tests) keep
// their own logs. Lines logged outside any run are dropped.
const sinks = new AsyncLocalStorage<CapturedLog[]>();

export function captureLogs<T>(sink: CapturedLog[], fn: () => T): T {
	return sinks.run(sink, fn);
}

// Copied now, as plain data: an error's message and stack are not enumerable (JSON.stringify in a
// secret scan would miss them) and axios errors are circular.
function toPlain(value: unknown, ancestors: Set<unknown>): unknown {
	if (value === null || typeof value !== 'object') return typeof value === 'function' ? String(value) : value;
	if (ancestors.has(value) || ancestors.size > 8) return '[circular or too deep]';
	ancestors.add(value);
	const copy: Record<string, unknown> = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : {};
	for (const [key, entry] of Object.entries(value)) copy[key] = toPlain(entry, ancestors);
	ancestors.delete(value);
	return Array.isArray(value) ? Object.values(copy) : copy;
}

const record =
	(level: CapturedLog['level']) =>
	(message: string, meta?: LogMetadata): void => {
		const entry: CapturedLog = { level, message: String(message) };
		if (meta !== undefined) entry.meta = toPlain(meta, new Set()) as Record<string, unknown>;
		sinks.getStore()?.push(entry);
	};

let installed = false;

/**
 * Once per module registry (jest test file): one capturing logger behind both of n8n's logging
 * doors (`this.logger` of node contexts via the container, LoggerProxy for WorkflowExecute), and
 * an InstanceSettings of the real class built without its constructor, which reads and writes
 * ~/.n8n. The SSH clients manager's 60 s cleanup timer is unref'd so jest and ts-node can exit.
 */
export function ensureN8nServices(): void {
	if (installed) return;
	installed = true;
	// The real Logger's constructor builds winston and freezes levels; ours only records.
	const logger: Logger = Object.assign(Object.create(Logger.prototype) as Logger, {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => logger,
	});
	Container.set(Logger, logger);
	LoggerProxy.init(logger);
	const key = 'n8n-test-harness-not-a-secret'; // encrypts nothing worth protecting
	const folder = path.join(tmpdir(), 'n8n-test-harness');
	Container.set(
		InstanceSettings,
		Object.assign(Object.create(InstanceSettings.prototype) as InstanceSettings, {
			n8nFolder: folder,
			staticCacheDir: path.join(folder, 'cache'),
			customExtensionDir: path.join(folder, 'custom'),
			nodesDownloadDir: path.join(folder, 'nodes'),
			settingsFile: path.join(folder, 'config'),
			enforceSettingsFilePermissions: { isSet: false, enforce: false },
			settings: { encryptionKey: key },
			instanceId: createHash('sha256').update(key).digest('hex'),
			hmacSignatureSecret: createHash('sha256').update(`hmac:${key}`).digest('hex'),
			instanceType: 'main',
			instanceRole: 'unset',
			hostId: 'main-test-harness',
			isMultiMainEnabled: false,
			isMultiMainLicensed: false,
		}),
	);
	(Reflect.get(Container.get(SSHClientsManager), 'cleanupTimer') as NodeJS.Timeout | undefined)?.unref();
}

/** What a run of our node touches; sub-workflows and task runners fail loudly. */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	executionId: string,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	const unsupported = async (): Promise<never> => {
		throw new Error('Sub-workflows and task runners are not available in the test harness');
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0, // WorkflowExecute numbers node runs from here
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(), // no secrets manager: `$secrets` is empty
		executeWorkflow: unsupported,
		startRunnerTask: unsupported,
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
	};
}
