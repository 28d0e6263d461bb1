/**
 * What the editor must show, word for word (issue 13: plain English labels, the ERP's own names
 * in descriptions, units in words, no internal values). editor.ts checks each against what
 * Chromium renders, so a label changed in the node's code without changing it here fails there.
 */
import { RATE_LIMIT_WAIT_SECONDS_DEFAULT } from '../../nodes/Wangdiantong/core/limits';

export const NODE_NAME = 'Wangdiantong';
export const SEARCH_TERMS = ['旺店通', 'Wangdiantong'];

/**
 * One operation's panel as the user meets it: picked by its action in the nodes panel, then read
 * field by field. editor.ts runs the same checks for every entry (panelChecks), so a new
 * operation's panel is one more entry here. Parameters are named by their `name` in the node's
 * description (n8n's test ids use it), and shown by their label.
 */
export interface PanelExpectations {
	/** How the check lines name the panel. */
	name: string;
	/** The action the nodes panel lists for the operation (its `action`), which adds the node with it. */
	action: string;
	/** What the panel's Resource and Operation selects then show. */
	resource: string;
	operation: string;
	/** The labels of the parameters shown before any option is added (any order; others may show too). */
	parameters: string[];
	/** Labels that must not show. */
	absent?: string[];
	/** A notice above the parameters: how it starts, and at most how many lines it takes at the panel's default width. */
	notice?: { startsWith: string; maxLines: number };
	/** Values parameters show before the user types anything. */
	defaults?: Array<{ label: string; parameter: string; shows: string }>;
	/** What a parameter's description (the tooltip of the (?) beside its label) or its hint must say. */
	descriptions?: Array<{ label: string; parameter: string; says: string; pattern: RegExp }>;
	/** Every option the "Add option" select must offer (none may state a unit in its name: UNIT_IN_LABEL). */
	options?: string[];
	/** Options added through "Add option", and the value each then shows. */
	optionDefaults?: Array<{ option: string; parameter: string; shows: string }>;
	/** On the canvas, once the panel is closed: text the node shows (its subtitle), and its output labels. */
	subtitle: string;
	outputs?: string[];
}

/** The default as a whole number, never "10.00" (issue 13); the value itself is core/limits.ts's. */
const RATE_LIMIT_WAIT_SHOWS = { option: 'Rate Limit Wait', parameter: 'rateLimitWait', shows: String(RATE_LIMIT_WAIT_SECONDS_DEFAULT) };

export const ACKNOWLEDGE: PanelExpectations = {
	name: 'Acknowledge',
	action: 'Acknowledge records',
	resource: 'Logistics Sync',
	operation: 'Acknowledge',
	parameters: ['Record ID', 'Status', 'Message'],
	descriptions: [
		{
			label: 'Status',
			parameter: 'status',
			says: 'status 1 also leaves on Acknowledged',
			pattern: /status 1[^.]*Acknowledged/i,
		},
	],
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
	optionDefaults: [RATE_LIMIT_WAIT_SHOWS],
	subtitle: 'Acknowledge records',
	outputs: ['Acknowledged', 'Failed'],
};

export const GET_PENDING: PanelExpectations = {
	name: 'Get Pending',
	action: 'Get pending records',
	resource: 'Logistics Sync',
	operation: 'Get Pending',
	/** "One or two lines" (issue 13), at the panel's default width. */
	notice: { startsWith: 'The ERP does not page', maxLines: 2 },
	parameters: ['Shop Code', 'Max Records'],
	absent: ['Limit'],
	defaults: [{ label: 'Max Records', parameter: 'maxRecords', shows: '100' }],
	options: ['Split-Shipment Sync', 'Request Timeout'],
	subtitle: 'Get pending records',
};

/** The Any API resource (issue 13). */
export const API_CALL: PanelExpectations = {
	name: 'API Call',
	action: 'Call any openapi2 API',
	resource: 'Any API',
	operation: 'API Call',
	parameters: ['Script', 'Send Parameters As', 'Parameters'],
	options: ['Rate Limit Wait', 'Request Timeout', 'Retries', 'Retry Wait', 'Split Into Items'],
	optionDefaults: [RATE_LIMIT_WAIT_SHOWS],
	/** "API call: " and the script, or "choose a script" while it is empty. */
	subtitle: 'API call:',
};

/** Every panel the editor test opens, in order. A new operation's panel: one entry more. */
export const PANELS: PanelExpectations[] = [ACKNOWLEDGE, GET_PENDING, API_CALL];

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
