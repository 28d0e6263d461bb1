/**
 * What the editor must show, word for word (issue 13: plain English labels, the ERP's own names
 * in descriptions, units in words, no internal values). editor.ts checks each against what
 * Chromium renders, so a label changed in the node's code without changing it here fails there.
 */
import { RATE_LIMIT_WAIT_SECONDS_DEFAULT } from '../../nodes/Wangdiantong/core/limits';

export const NODE_NAME = 'Wangdiantong';
export const SEARCH_TERMS = ['旺店通', 'Wangdiantong'];

export const ACTIONS = { acknowledge: 'Acknowledge records', getPending: 'Get pending records' };
/** The subtitle under the node on the canvas, per operation. */
export const SUBTITLES = ACTIONS;

export const ACKNOWLEDGE = {
	parameters: ['Record ID', 'Status', 'Message'],
	options: [
		'Batch Size',
		'Concurrency',
		'Invalid Items',
		'Pause Between Batches',
		'Rate Limit Wait',
		'Request Timeout',
		'Retries',
		'Retry Wait',
	],
	/** What Status must say (hint or description): a record reported with status 1 also leaves on Acknowledged. */
	statusDescription: /status 1[^.]*Acknowledged/i,
	/** The default as a whole number, never "10.00" (issue 13); the value itself is core/limits.ts's. */
	rateLimitWaitShows: String(RATE_LIMIT_WAIT_SECONDS_DEFAULT),
	outputs: ['Acknowledged', 'Failed'],
};

export const GET_PENDING = {
	noticeStartsWith: 'The ERP does not page',
	/** "One or two lines" (issue 13), at the panel's default width. */
	noticeMaxLines: 2,
	parameters: ['Shop Code', 'Max Records'],
	maxRecordsDefault: '100',
	options: ['Split-Shipment Sync', 'Request Timeout'],
};

/** The Any API resource, once the node has it. */
export const API_CALL = { resource: 'Any API', operation: 'API Call', subtitlePrefix: 'API call:' };

/** No display name states its unit: units belong in the description. */
export const UNIT_IN_LABEL = /\((ms|seconds)\)/i;

export const CREDENTIAL = {
	name: 'Wangdiantong (旺店通) ERP API',
	fields: ['Environment', 'Base URL', 'Seller Account', 'App Key', 'App Secret'],
	environments: ['Production (正式环境)', 'Sandbox (测试环境)', 'Custom Gateway'],
	success: 'Connection tested successfully',
	/** A wrong secret: the message names the secret. */
	wrongSecret: /secret/i,
};

/** n8n's hint for a parameter named `limit` that reached its value; wrong for a node that does not page. */
export const RETURN_ALL_HINT = /Return All/i;

/**
 * The error of a batch the ERP refused with On Error = Stop (UI-LABELS.md, "Stop error"), here
 * the example's one batch of 7 records signed with a wrong secret (one more item is invalid).
 */
export const STOP_ERROR = {
	messageStart: 'Wangdiantong did not acknowledge',
	erpCode: '100',
	/** The mock gateway's text for a wrong sign, as the real one answers it. */
	erpText: '签名错误',
	/** The description's counts as the editor shows them: one paragraph, each count a sentence. */
	countSentences: [/^Not acknowledged: 7 \([^)]*\)\. /, /\. Invalid, never sent: 1\. /],
	/** Words that fit only when there are batches after the failed one. */
	manyBatchesOnly: 'the ones after it',
};
