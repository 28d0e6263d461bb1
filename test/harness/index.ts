// The engine harness: our node in n8n-core's real engine (see README.md in this folder).
export { runWorkflow } from './engine';
export type { RunResult, RunWorkflowOptions, WorkflowJson } from './engine';
export { testCredentials } from './credentials';
export type { CredentialTestResult, CredentialsByType } from './credentials';
export { createRegistry, getDefaultRegistry, HarnessRegistry, PASS_THROUGH } from './registry';
export type { CapturedLog } from './n8nServices';
