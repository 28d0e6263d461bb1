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
	/**
	 * Every option the "Add option" select must offer (none may state a unit in its name:
	 * UNIT_IN_LABEL). With one option only, n8n shows a button that adds it: then the one it adds.
	 */
	options?: string[];
	/** Options added through "Add option", and the value each then shows. */
	optionDefaults?: Array<{ option: string; parameter: string; shows: string }>;
	/** A record mapped with n8n's resource mapper, checked as a user meets it (MapperExpectations). */
	mapper?: MapperExpectations;
	/** On the canvas, once the panel is closed: text the node shows (its subtitle), and its output labels. */
	subtitle: string;
	outputs?: string[];
}

/**
 * The panel's resource mapper (one a panel: the push operations' record). n8n shows none of our
 * words for the parameter itself (its label and description stay hidden): the user meets its
 * mode select, RESOURCE_MAPPER, starting on the automatic mode. editor.ts picks the field-by-field
 * mode and reads the fields the mapper fetched from the node (its resourceMapping method). Fields
 * are named by their label, `<id> (<meaning>)`, as n8n shows them.
 */
export interface MapperExpectations {
	/** The fields listed, in order and none else, before the user adds any: the required ones, each marked mandatory. */
	requiredFields: string[];
	/** Fields that "Add field to send" must offer (any order; others may be offered too). */
	optionalFields: string[];
	/** A field of codes: its id, its label, and every code its select offers, in order ("<code> <meaning>"). */
	codeField?: { id: string; label: string; codes: string[] };
}

/** n8n's own words around a resource mapper, the same in n8n 1.123.50 and 2.40.7. */
export const RESOURCE_MAPPER = {
	label: 'Mapping Column Mode',
	automatic: 'Map Automatically',
	fieldByField: 'Map Each Column Manually',
	/** What the mark of a required field says (a tooltip). */
	mandatory: /mandatory and can.t be removed/,
};

/** The default as a whole number, never "10.00" (issue 13); the value itself is core/limits.ts's. */
const RATE_LIMIT_WAIT_SHOWS = { option: 'Rate Limit Wait', parameter: 'rateLimitWait', shows: String(RATE_LIMIT_WAIT_SECONDS_DEFAULT) };

/** The options of every batched operation (Logistics and Stock Acknowledge, the pushes). */
const BATCH_OPTIONS = [
	'Batch Size',
	'Concurrency',
	'Invalid Items',
	'Pause Between Batches',
	'Rate Limit Wait',
	'Request Timeout',
	'Retries',
	'Retry Wait',
];

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
	options: BATCH_OPTIONS,
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

export const GET_CHANGES: PanelExpectations = {
	name: 'Get Changes',
	action: 'Get stock changes',
	resource: 'Stock Sync',
	operation: 'Get Changes',
	notice: { startsWith: 'The ERP does not page', maxLines: 2 },
	parameters: ['Shop Code', 'Max Records'],
	absent: ['Limit'],
	defaults: [{ label: 'Max Records', parameter: 'maxRecords', shows: '100' }],
	descriptions: [
		{ label: 'Max Records', parameter: 'maxRecords', says: 'it counts stock changes', pattern: /How many stock changes one call fetches/ },
	],
	options: ['Request Timeout'],
	subtitle: 'Get stock changes',
};

export const STOCK_ACKNOWLEDGE: PanelExpectations = {
	name: 'Stock Acknowledge',
	action: 'Acknowledge stock changes',
	resource: 'Stock Sync',
	operation: 'Acknowledge',
	notice: { startsWith: 'Acknowledge only changes the platform applied', maxLines: 2 },
	parameters: ['Record ID', 'Synced Stock', 'Stock Change Count'],
	descriptions: [
		{ label: 'Synced Stock', parameter: 'syncStock', says: 'it goes back exactly as it came', pattern: /sent back exactly as it came/ },
	],
	options: BATCH_OPTIONS,
	optionDefaults: [{ option: 'Batch Size', parameter: 'batchSize', shows: '100' }, RATE_LIMIT_WAIT_SHOWS],
	subtitle: 'Acknowledge stock changes',
	outputs: ['Acknowledged', 'Failed'],
};

/** A push's Shop Code: the shop must be a self-built one. */
const SELF_BUILT_SHOP = { label: 'Shop Code', parameter: 'shopNo', says: 'the shop is a self-built one (自有平台)', pattern: /self-built one \(自有平台/ };

export const TRADE_PUSH: PanelExpectations = {
	name: 'Trade Push',
	action: 'Push orders',
	resource: 'Trade',
	operation: 'Push',
	notice: { startsWith: 'One item is one order.', maxLines: 2 },
	parameters: ['Shop Code', RESOURCE_MAPPER.label, 'Order Lines'],
	descriptions: [SELF_BUILT_SHOP],
	options: BATCH_OPTIONS,
	optionDefaults: [{ option: 'Batch Size', parameter: 'batchSize', shows: '50' }],
	mapper: {
		requiredFields: [
			'tid (原始单号)',
			'trade_status (订单状态)',
			'delivery_term (发货条件)',
			'buyer_nick (客户网名)',
			'receiver_name (收件人)',
			'receiver_address (地址)',
			'receiver_mobile (手机)',
			'post_amount (邮费)',
			'cod_amount (货到付款金额)',
			'ext_cod_fee (货到付款买家费用)',
			'paid (已付金额)',
		],
		optionalFields: ['pay_status (支付状态)', 'trade_time (下单时间)', 'pay_time (付款时间)', 'seller_memo (客服备注)', 'warehouse_no (仓库编号)'],
		codeField: {
			id: 'trade_status',
			label: 'trade_status (订单状态)',
			codes: ['10 待支付', '20 待尾款', '30 已支付待发货', '40 部分发货', '50 已发货', '60 已签收', '70 已完成', '80 已退款', '90 已关闭'],
		},
	},
	subtitle: 'Push orders',
	outputs: ['Pushed', 'Failed'],
};

export const REFUND_PUSH: PanelExpectations = {
	name: 'Refund Push',
	action: 'Push refunds',
	resource: 'Refund',
	operation: 'Push',
	notice: { startsWith: 'One item is one refund or return', maxLines: 2 },
	parameters: ['Shop Code', RESOURCE_MAPPER.label, 'Refund Lines'],
	descriptions: [SELF_BUILT_SHOP],
	options: BATCH_OPTIONS,
	optionDefaults: [{ option: 'Batch Size', parameter: 'batchSize', shows: '10' }],
	mapper: {
		requiredFields: [
			'tid (原始单号)',
			'refund_no (退款单号)',
			'type (类型)',
			'status (状态)',
			'refund_time (退款时间)',
		],
		optionalFields: ['refund_fee (退款金额)', 'reason (退款原因)', 'logistics_no (退货物流单号)'],
		// No field of codes: the sources disagree on type's and status's values, the ERP judges them.
	},
	subtitle: 'Push refunds',
	outputs: ['Pushed', 'Failed'],
};

export const GOODS_PUSH: PanelExpectations = {
	name: 'Goods Push',
	action: 'Push goods',
	resource: 'Goods Spec',
	operation: 'Push',
	notice: { startsWith: 'One item is one platform SKU', maxLines: 2 },
	parameters: ['Shop Code', RESOURCE_MAPPER.label],
	absent: ['Order Lines', 'Refund Lines'],
	descriptions: [SELF_BUILT_SHOP],
	options: BATCH_OPTIONS,
	optionDefaults: [{ option: 'Batch Size', parameter: 'batchSize', shows: '2000' }],
	mapper: {
		requiredFields: ['goods_id (平台货品ID)', 'spec_id (平台规格ID)', 'spec_no (商家编码)', 'status (状态)'],
		optionalFields: ['goods_no (货品编号)', 'goods_name (货品名称)', 'price (价格)', 'stock_num (平台库存)'],
		codeField: { id: 'status', label: 'status (状态)', codes: ['0 删除', '1 在架', '2 下架'] },
	},
	subtitle: 'Push goods',
	outputs: ['Pushed', 'Failed'],
};

/** Every panel the editor test opens, in order. A new operation's panel: one entry more. */
export const PANELS: PanelExpectations[] = [ACKNOWLEDGE, GET_PENDING, GET_CHANGES, STOCK_ACKNOWLEDGE, TRADE_PUSH, REFUND_PUSH, GOODS_PUSH, API_CALL];

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
