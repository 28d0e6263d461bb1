/**
 * The gateway's own codes and texts, as the real openapi2 gateway sends them where that is known
 * (docs/PROTOCOL.md, "Error codes", "logistics_sync_ack", "Stock sync" and "trade_push", which
 * mark each text as the vendor's, observed, or our assumption); the rest is marked as ours. Tests and the
 * client's error mapping compare against these: a change here changes what the "gateway" says.
 */

/** 0 ok; 100 parameter and auth errors; 1007 appkey disabled, reused for an unknown shop; 1012. */
export const CODE_OK = 0;
export const CODE_PARAM = 100;
export const CODE_DISABLED = 1007;
export const CODE_RATE_LIMITED = 1012;

export const SIGN_MISMATCH = '签名错误';
/** Unknown appkey, or an appkey that belongs to another sid. */
export const INVALID_APPKEY = '无效的appkey';
export const TIMESTAMP_INVALID = '时间戳无效,请检查服务器时间';
export const missingParam = (name: string): string => `缺少参数${name}`;
/** The trailing space is part of the vendor's sample answer. */
export const APPKEY_DISABLED = '接口appkey已停用【解决办法:联系商务人员,重新开启接口appkey】 ';
export const SHOP_NOT_FOUND = '店铺不存在';
export const RATE_LIMITED = '系统调用频繁';

/** Per-record errors inside `errors` of a code-0 ack answer. */
export const RECORD_NOT_FOUND = '记录不存在';
export const NOT_PENDING = '非待同步状态,不可更新';
/** Ours: any per-record refusal that does not clear (lockRecords); the record stays pending. */
export const RECORD_LOCKED = '记录已锁定,暂不可更新';
export const MESSAGE_TOO_LONG = '描述信息过长';
export const STATUS_INVALID = '回写状态错误';
/**
 * Per-record errors of `api_goods_stock_change_ack`, all ours (docs/PROTOCOL.md, "Stock sync"): an
 * unknown rec_id gets the logistics ack's text, assumed to carry over; a `sync_stock` or
 * `stock_change_count` that is not an integer gets our own.
 */
export const STOCK_RECORD_NOT_FOUND = RECORD_NOT_FOUND;
export const STOCK_VALUE_INVALID = 'sync_stock和stock_change_count必须为整数';

/** Code 100: a list parameter (`logistics_list`, `stock_sync_list`) that is not a JSON array of objects. */
export const listInvalid = (name: string): string => `参数${name}格式错误`;
/** Code 100, ours as the vendor's wording is not documented: limit, is_part_sync_able, a script. */
export const LIMIT_INVALID = '参数limit错误,取值范围为1-100';
export const IS_PART_SYNC_ABLE_INVALID = '参数is_part_sync_able错误,只能为0或1';
export const unknownScript = (script: string): string =>
	`接口不存在: ${script} (the mock has no answer for it: give one with answers or --answer)`;

/**
 * The push scripts (trade_push.php, and the refund and goods pushes after it). Their codes are not
 * documented: every refusal of theirs is CODE_PUSH_REFUSED, the mock's code for parameter errors
 * (ours; docs/PROTOCOL.md, "trade_push").
 */
export const CODE_PUSH_REFUSED = CODE_PARAM;
/** The shop, as the vendor's error page words it for trade_push. */
export const SHOP_INVALID = '无效店铺编号';
export const SHOP_DISABLED = '店铺已停用';
export const SHOP_NOT_SELF_BUILT = '只有自有平台店铺才支持推送';
/** trade_list as a whole, the vendor's texts; the mock says 为空 for a missing trade_list too. */
export const TRADE_LIST_UNPARSABLE = 'trade_list json格式错误,无法解析';
export const TRADE_LIST_EMPTY = 'trade_list订单列表为空';
export const TRADE_LIST_MALFORMED = 'trade_list订单列表结构异常';
/** Ours: more than 50 orders (the vendor's limit) in one call, refused whole. */
export const TRADE_LIST_TOO_LONG = 'trade_list订单数量不能超过50';
/**
 * One order, the vendor's texts, listed as `{"tid","error"}` in the JSON text of `message`;
 * COD_ABOVE_RECEIVABLE as our source prints it.
 */
export const COD_AMOUNT_ZERO = '货到付款订单COD金额不能为0';
export const refundStatusMismatch = (oid: string): string => `子订单${oid}退款状态与子订单状态不一致`;
export const RECEIVABLE_NEGATIVE = '应收不能小于0';
export const COD_ABOVE_RECEIVABLE = 'COD金额cod_amount大于应收paid';
export const PAID_INCORRECT = '已付金额不正确';
/** Ours: an order without a tid, which the mock could not keep. */
export const TID_MISSING = 'tid不能为空';

/**
 * sales_refund_push.php (docs/PROTOCOL.md, "sales_refund_push"). The call as a whole: our texts, as
 * for the ack lists (a missing list gets missingParam). Each refund: the shop in trade_push's
 * words, an order never pushed in the other edition's, the rest ours. A call with refused refunds
 * answers one plain text: the other edition's prefix, then `<error>(refund_no=<no>)` for each,
 * separated by `; ` (ours).
 */
export const REFUND_LIST_TOO_LONG = 'api_refund_list退款单数量不能超过10';
export const REFUND_NO_MISSING = 'refund_no不能为空';
export const PLATFORM_ID_NOT_127 = 'platform_id必须为127';
export const REFUND_TRADE_NOT_FOUND = '售后单关联的原始单不存在';
export const REFUND_REFUSED_PREFIX = '推送订单信息错误，错误内容：';
export const refundsRefused = (refused: ReadonlyArray<{ refundNo: string; error: string }>): string =>
	REFUND_REFUSED_PREFIX + refused.map(({ refundNo, error }) => `${error}(refund_no=${refundNo})`).join('; ');

/**
 * api_goodsspec_push.php (docs/PROTOCOL.md, "api_goodsspec_push"). The call as a whole: our texts
 * (missingParam, listInvalid for an api_goods_info that is not one object and a goods_list that is
 * not a list of objects), the shop in trade_push's words, and a platform_id other than the shop's in
 * the other edition's (its code there, 4304, is not used: CODE_PUSH_REFUSED). Each row refused is
 * listed in `errors` of a code-0 answer, with our texts.
 */
export const GOODS_LIST_EMPTY = 'goods_list不能为空';
export const GOODS_LIST_TOO_LONG = 'goods_list货品数量不能超过2000';
export const PLATFORM_MISMATCH = 'shop_no 对应的店铺所属的平台 与 传入platform_id 不一致';
/** A row without goods_id, spec_no or status; or without spec_id although its product has another SKU. */
export const fieldMissing = (name: string): string => `${name}不能为空`;
export const GOODS_SPEC_DUPLICATE = '店铺+goods_id+spec_id重复';
