// Prepares the DI container (@n8n/di) that n8n-core reaches into while a workflow runs.
//
// What n8n-core 1.122 actually pulls from the container during a run, a request and a credential
// test (read from node_modules/n8n-core/dist):
// - Logger (@n8n/backend-common): `this.logger` of every node context, ErrorReporter, and more.
//   We install a capturing logger (see logCapture.ts).
// - InstanceSettings: read by every node context's constructor (instanceId, hmac secret) and by
//   BinaryDataConfig (encryptionKey, n8nFolder). The real class reads and WRITES ~/.n8n/config
//   on construction, so we install an instance of the real class with its fields filled in
//   directly, without running that constructor. Nothing here touches the disk.
// - BinaryDataService, ErrorReporter, TriggersAndPollers, ExecutionContextService, Cipher,
//   GlobalConfig: built by the container on demand from the two above; no setup needed.
//   BinaryDataService stays un-initialised, i.e. n8n's 'default' mode (binary data kept inline).
// - SSHClientsManager: built on demand by every node context (for SSH tunnel helpers); its
//   constructor starts a 60 s cleanup setInterval that would keep jest / ts-node alive after the
//   tests. We build it up front and unref that timer (cleanup still runs while anything else
//   keeps the process alive).
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';
// Not re-exported from n8n-core's index.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { installCapturingLogger } from './logCapture';

// Fixed and public on purpose: the harness never encrypts anything worth protecting.
const HARNESS_ENCRYPTION_KEY = 'n8n-test-harness-not-a-secret';

function createInstanceSettings(): InstanceSettings {
	// Real prototype (getters like `isWorker` keep working), constructor skipped (no disk I/O).
	const settings: InstanceSettings = Object.create(InstanceSettings.prototype);
	const n8nFolder = path.join(tmpdir(), 'n8n-test-harness');
	return Object.assign(settings, {
		n8nFolder,
		staticCacheDir: path.join(n8nFolder, 'cache'),
		customExtensionDir: path.join(n8nFolder, 'custom'),
		nodesDownloadDir: path.join(n8nFolder, 'nodes'),
		settingsFile: path.join(n8nFolder, 'config'),
		enforceSettingsFilePermissions: { isSet: false, enforce: false },
		settings: { encryptionKey: HARNESS_ENCRYPTION_KEY },
		instanceId: createHash('sha256').update(HARNESS_ENCRYPTION_KEY).digest('hex'),
		hmacSignatureSecret: createHash('sha256')
			.update(`hmac:${HARNESS_ENCRYPTION_KEY}`)
			.digest('hex'),
		instanceType: 'main',
		instanceRole: 'unset',
		hostId: 'main-test-harness',
		isMultiMainEnabled: false,
		isMultiMainLicensed: false,
	});
}

function unrefSshCleanupTimer(): void {
	const timer: unknown = Reflect.get(Container.get(SSHClientsManager), 'cleanupTimer');
	if (
		typeof timer === 'object' &&
		timer !== null &&
		'unref' in timer &&
		typeof timer.unref === 'function'
	) {
		timer.unref();
	}
}

let installed = false;

/** Installs the services above once per module registry (i.e. once per jest test file). */
export function ensureN8nServices(): void {
	if (installed) return;
	installCapturingLogger();
	Container.set(InstanceSettings, createInstanceSettings());
	unrefSshCleanupTimer();
	installed = true;
}
