// A real (not mocked) IWorkflowExecuteAdditionalData: what n8n-core's WorkflowExecute and node
// contexts read besides the workflow itself. n8n's CLI builds this in
// workflow-execute-additional-data.ts; we fill only what a run of our nodes touches and make the
// server-only features (sub-workflows, task runners, AI events) fail loudly or do nothing.
import { ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';

const BASE_URL = 'http://localhost:5678';

export interface AdditionalDataOptions {
	credentialsHelper: HarnessCredentialsHelper;
	executionId: string;
	hooks?: ExecutionLifecycleHooks;
}

export function createAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		// WorkflowExecute numbers node runs from here (ITaskData.executionIndex).
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		variables: {},
		// The real proxy class with no secrets manager: `$secrets` resolves nothing.
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: async () => {
			throw new Error('Sub-workflow execution is not supported by the test harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners (Code node sandbox) are not available in the test harness');
		},
	};
}
