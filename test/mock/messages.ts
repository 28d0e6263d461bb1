/**
 * The gateway's own codes and texts, as the real openapi2 gateway sends them where that is known
 * (docs/PROTOCOL.md, "Error codes", "logistics_sync_ack" and "Stock sync", which mark each text
 * as the vendor's, observed, or our assumption); the rest is marked as ours. Tests and the
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
