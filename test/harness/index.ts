// Public API of the workflow test harness (see README.md in this folder).
export { runWorkflow } from './engine';
export type { RunWorkflowOptions, WorkflowJson } from './engine';
export type { RunResult } from './runResult';
export { testCredentials } from './credentialTest';
export type { CredentialTestResult } from './credentialTest';
export { createRegistry, getDefaultRegistry, HarnessRegistry } from './nodeTypes';
export type { RegistryOptions } from './nodeTypes';
export { CredentialTypeRegistry } from './credentialTypes';
export { HarnessCredentialsHelper } from './credentialsHelper';
export type { CredentialsByType } from './credentialsHelper';
export type { CapturedLog, CapturedLogLevel } from './logCapture';
export { ensureN8nServices } from './services';
