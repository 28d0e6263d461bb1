/**
 * What a failed call means for the user and for the items after it: the notes beside the error,
 * and whether any further call of this run could succeed.
 */
import { ERP_CODE_INVALID_REQUEST, identityProblemOf, type GatewayFailure } from '../../../core/failure';

/**
 * Code 100 that names no part of the account (sign, appkey, timestamp): the gateway uses the same
 * code for a missing or malformed parameter (docs/PROTOCOL.md, "Error codes"), so on a script of
 * the user's choosing it most likely concerns Script or the parameters.
 */
function isParameterRefusal(failure: GatewayFailure): boolean {
	return failure.kind === 'erp' && failure.erpCode === ERP_CODE_INVALID_REQUEST && identityProblemOf(failure.erpMessage ?? '') === 'other';
}

/**
 * The ERP refused the account itself (a wrong secret or appkey, a skewed clock, a disabled
 * appkey): every further call of this run would be refused the same way, so none is made. A
 * parameter refusal may concern this item's parameters only (core/failure.ts tells them apart).
 */
export function refusesEveryCall(failure: GatewayFailure): boolean {
	return failure.credentialsRejected;
}

/** The error's description: how often it was tried, whether it may have landed, where to look. */
export function failureNotes(failure: GatewayFailure, attempts: number, mayHaveLanded: boolean): string | undefined {
	const notes: string[] = [];
	if (attempts > 1) notes.push(`Tried ${attempts} times, each signed afresh.`);
	if (mayHaveLanded) {
		notes.push('An attempt may have reached the ERP although its answer was lost: check in the ERP before running a call that changes data again.');
	}
	if (isParameterRefusal(failure)) {
		notes.push('Check Script and the parameters against the script’s documentation: code 100 also means a parameter is missing or malformed.');
	} else if (failure.kind === 'erp') {
		notes.push('The script’s documentation lists its parameters and codes.');
	}
	return notes.length > 0 ? notes.join(' ') : undefined;
}
