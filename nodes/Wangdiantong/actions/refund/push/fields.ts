/**
 * The fields of a `sales_refund_push.php` refund and of its lines that the node knows
 * (docs/PROTOCOL.md, "sales_refund_push"). Names and the required set are what the sources agree
 * on; `type` and `status` are checked for their kind only, as the sources contradict each other on
 * their values (the vendor's own samples send `status: "success"`): the ERP judges them.
 * `platform_id` and `shop_no` are the node's to fill in.
 */
import { optionalTexts, type RecordField } from '../../../core/recordFields';

export const REFUND_FIELDS: readonly RecordField[] = [
	{ id: 'tid', meaning: '原始单号', kind: 'text', required: true },
	{ id: 'refund_no', meaning: '退款单号', kind: 'text', required: true },
	{ id: 'type', meaning: '类型', kind: 'integer', required: true },
	{ id: 'status', meaning: '状态', kind: 'text', required: true },
	{ id: 'refund_time', meaning: '退款时间', kind: 'dateTime', required: true },
	{ id: 'refund_fee', meaning: '退款金额', kind: 'amount' },
	...optionalTexts({ buyer_nick: '客户网名', reason: '退款原因', desc: '退款说明' }),
	// The return's waybill: both or neither.
	...optionalTexts({ logistics_no: '退货物流单号', logistics_name: '退货物流公司' }),
];

export const REFUND_LINE_FIELDS: readonly RecordField[] = [
	{ id: 'oid', meaning: '子订单编号', kind: 'text', required: true },
	{ id: 'num', meaning: '数量', kind: 'amount', required: true },
];
