/**
 * n8n's error classes rewrite a message that contains a network code (ECONNRESET, ETIMEDOUT,
 * ECONNREFUSED…) into generic text — for a timeout even advising "Retry On Fail", which would
 * resend acknowledged batches. The node's messages name the code on purpose, beside what was and
 * was not acknowledged, so the message is set back after construction.
 */
import type { NodeError } from 'n8n-workflow';

export function keepMessage<T extends NodeError>(error: T, message: string): T {
	error.message = message;
	return error;
}
