/**
 * The gateway's own texts and codes, as the real openapi2 gateway sends them where that is known
 * (docs/PROTOCOL.md, "Error codes" and "logistics_sync_ack", which mark each text as the vendor's,
 * observed, or our assumption). Tests and the client's error mapping compare against these, so a
 * change here is a change in what the "gateway" says, not cosmetics.
 */

/** Result codes seen from the gateway: 0 ok, 100 parameter/auth errors, 1007 disabled or no shop. */
export const CODE_OK = 0;
export const CODE_PARAM = 100;
export const CODE_DISABLED = 1007;
export const CODE_RATE_LIMITED = 1012;

export const SIGN_MISMATCH = '签名错误';
/** Unknown appkey, or an appkey that belongs to another sid. */
export const INVALID_APPKEY = '无效的appkey';
export const TIMESTAMP_INVALID = '时间戳无效,请检查服务器时间';
/** A missing public or business parameter. */
export const missingParam = (name: string): string => `缺少参数${name}`;
/** Code 1007. The trailing space is part of the vendor's sample answer. */
export const APPKEY_DISABLED = '接口appkey已停用【解决办法:联系商务人员,重新开启接口appkey】 ';
/** Code 1007 as well: the same code is reused for an unknown shop. */
export const SHOP_NOT_FOUND = '店铺不存在';
/** Code 1012. */
export const RATE_LIMITED = '系统调用频繁';

/** Per-record errors inside `errors` of a code-0 ack answer. */
export const RECORD_NOT_FOUND = '记录不存在';
export const NOT_PENDING = '非待同步状态,不可更新';
/** The mock's stand-in for any per-record refusal that does not clear: the record stays pending. */
export const RECORD_LOCKED = '记录已锁定,暂不可更新';
export const MESSAGE_TOO_LONG = '描述信息过长';
export const STATUS_INVALID = '回写状态错误';

/** Code 100: `logistics_list` is not a JSON array of records. */
export const LOGISTICS_LIST_INVALID = '参数logistics_list格式错误';
/** Code 100: `limit` is not an integer in 1–100. Our wording; the vendor's is not documented. */
export const LIMIT_INVALID = '参数limit错误,取值范围为1-100';
/** Code 100: `is_part_sync_able` is neither 0 nor 1. Our wording as well. */
export const IS_PART_SYNC_ABLE_INVALID = '参数is_part_sync_able错误,只能为0或1';
