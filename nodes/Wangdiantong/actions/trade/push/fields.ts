import { optionalTexts, type RecordField } from '../../../core/recordFields';

/**
 * The fields of a `trade_push.php` order and of its lines that the node knows, with what each
 * must be (docs/PROTOCOL.md, "trade_push"). The editor's field mapping lists them and the checks
 * read them; fields not listed here pass through to the ERP untouched.
 *
 * `required` is the core every working caller sends and the vendor's table requires; fields the
 * sources disagree on are optional here, and the ERP judges them.
 */

/** trade_status and each line's status share one set of values. 60 is in one source only: the ERP judges it. */
const ORDER_STATUS = { 10: '待支付', 20: '待尾款', 30: '已支付待发货', 40: '部分发货', 50: '已发货', 60: '已签收', 70: '已完成', 80: '已退款', 90: '已关闭' };

export const TRADE_FIELDS: readonly RecordField[] = [
	{ id: 'tid', meaning: '原始单号', kind: 'text', required: true },
	{ id: 'trade_status', meaning: '订单状态', kind: 'code', required: true, codes: ORDER_STATUS },
	{ id: 'pay_status', meaning: '支付状态', kind: 'code', codes: { 0: '未付款', 1: '部分付款', 2: '已付款' } },
	// 4 挂账 appears in two clients only: the ERP judges it.
	{ id: 'delivery_term', meaning: '发货条件', kind: 'code', required: true, codes: { 1: '款到发货', 2: '货到付款', 3: '分期付款', 4: '挂账' } },
	{ id: 'trade_time', meaning: '下单时间', kind: 'dateTime' },
	{ id: 'pay_time', meaning: '付款时间', kind: 'dateTime' },
	{ id: 'buyer_nick', meaning: '客户网名', kind: 'text', required: true, emptyAllowed: true },
	...optionalTexts({ buyer_email: '买家邮箱' }),
	{ id: 'receiver_name', meaning: '收件人', kind: 'text', required: true },
	// Left out, the ERP reads them from a space-separated receiver_address ("北京 北京市 海淀区 …").
	...optionalTexts({ receiver_province: '省', receiver_city: '市', receiver_district: '区县' }),
	{ id: 'receiver_address', meaning: '地址', kind: 'text', required: true },
	{ id: 'receiver_mobile', meaning: '手机', kind: 'text', required: true },
	...optionalTexts({ receiver_telno: '电话', receiver_zip: '邮编' }),
	{ id: 'post_amount', meaning: '邮费', kind: 'amount', required: true },
	{ id: 'cod_amount', meaning: '货到付款金额', kind: 'amount', required: true },
	{ id: 'ext_cod_fee', meaning: '货到付款买家费用', kind: 'amount', required: true },
	{ id: 'other_amount', meaning: '其它收费', kind: 'amount' },
	{ id: 'paid', meaning: '已付金额', kind: 'amount', required: true },
	{ id: 'invoice_kind', meaning: '发票类别', kind: 'code', codes: { 0: '不需要', 1: '普通发票', 2: '增值税普通电子发票', 3: '增值税普通纸质发票', 4: '增值税专用发票' } },
	...optionalTexts({ invoice_title: '发票抬头', invoice_content: '发票内容' }),
	{ id: 'seller_flag', meaning: '标旗', kind: 'code', codes: { 0: '无', 1: '红', 2: '黄', 3: '绿', 4: '蓝', 5: '紫' } },
	...optionalTexts({ buyer_message: '买家留言', seller_memo: '客服备注' }),
	{ id: 'logistics_type', meaning: '物流方式', kind: 'integer' },
	...optionalTexts({ warehouse_no: '仓库编号' }),
];

export const LINE_FIELDS: readonly RecordField[] = [
	{ id: 'oid', meaning: '子订单编号', kind: 'text', required: true },
	{ id: 'num', meaning: '数量', kind: 'amount', required: true },
	{ id: 'price', meaning: '单价', kind: 'amount', required: true },
	{ id: 'status', meaning: '子订单状态', kind: 'code', required: true, codes: ORDER_STATUS },
	{ id: 'refund_status', meaning: '退款状态', kind: 'code', required: true, codes: { 0: '无退款', 1: '取消退款', 2: '已申请退款', 3: '等待退货', 4: '等待收货', 5: '退款成功' } },
	{ id: 'goods_id', meaning: '平台货品ID', kind: 'text', required: true },
	// goods_no or spec_no, checked apart: at least one of them.
	...optionalTexts({ spec_id: '平台规格ID', goods_no: '货品编号', spec_no: '商家编码' }),
	{ id: 'goods_name', meaning: '货品名称', kind: 'text', required: true },
	...optionalTexts({ spec_name: '规格名称' }),
	{ id: 'adjust_amount', meaning: '客服调整金额', kind: 'amount', required: true },
	{ id: 'discount', meaning: '下单折扣', kind: 'amount', required: true },
	{ id: 'share_discount', meaning: '分摊优惠', kind: 'amount', required: true },
	...optionalTexts({ remark: '备注' }),
];
