/**
 * Turning a gateway failure into the n8n error a user sees: the ERP's code and text beside our
 * explanation, and only the failure's safe fields (never the request, whose body carries the sign).
 */
import { NodeApiError, type INode, type JsonObject, type NodeError } from 'n8n-workflow';

import type { GatewayFailure } from '../core/failure';

/**
 * n8n's error classes rewrite a message that contains a network code (ECONNRESET, ETIMEDOUT,
 * ECONNREFUSED…) into generic text — for a timeout even advising "Retry On Fail", which would
 * resend acknowledged batches. The node's messages name the code on purpose, so the message is set
 * back after construction.
 */
export function keepMessage<T extends NodeError>(error: T, message: string): T {
	error.message = message;
	return error;
}

/**
 * The failure's fields that are safe to keep in an execution: kind, ERP code and text, HTTP status.
 * The ERP's text is `erpMessage`, not `message`: NodeApiError copies a response's `message` into
 * its `messages`, which n8n's editor prints again as "Full message" under the error, whose own
 * message already quotes the text.
 */
export function failureFields(failure: GatewayFailure | undefined): JsonObject {
	if (!failure) return { kind: 'parameter' };
	const fields: JsonObject = { kind: failure.kind };
	if (failure.erpCode !== undefined) {
		fields.code = failure.erpCode;
		fields.erpMessage = failure.erpMessage ?? '';
	}
	if (failure.httpStatus !== undefined) fields.httpStatus = failure.httpStatus;
	return fields;
}

export function gatewayError(
	node: INode,
	failure: GatewayFailure | undefined,
	options: { message: string; description?: string; itemIndex?: number },
): NodeApiError {
	const error = new NodeApiError(node, failureFields(failure), {
		...options,
		...(failure?.httpStatus !== undefined ? { httpCode: String(failure.httpStatus) } : {}),
	});
	return keepMessage(error, options.message);
}
