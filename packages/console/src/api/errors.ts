/**
 * Every error the API can answer, as the Chinese sentence a console user reads. Nothing English and
 * no raw code reaches the screen: unknown codes fall back to a sentence chosen by HTTP status.
 */
const MESSAGES: Record<string, string> = {
  UNAUTHORIZED: '登录已失效，请重新登录',
  LOGIN_FAILED: '用户名或密码错误',
  FORBIDDEN: '当前账号没有此操作的权限',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  UNSUPPORTED_MEDIA_TYPE: '文件格式不受支持',
  INTERNAL: '服务器开小差了，请稍后再试',
  NOT_READY: '服务正在启动或维护，请稍后再试',
  NETWORK: '网络连接失败，请检查网络后重试',
  // catalog
  CATEGORY_NOT_FOUND: '类目不存在',
  PRODUCT_NOT_FOUND: '商品不存在',
  SKU_NOT_FOUND: '规格（SKU）不存在',
  OUT_OF_STOCK: '库存不足，调整后库存不能小于 0',
  UPLOAD_INVALID: '图片格式不正确，仅支持 PNG、JPEG、WebP',
  UPLOAD_TOO_LARGE: '图片不能超过 5 MB',
  FILE_REQUIRED: '请选择要上传的图片',
  // stores, guides, staff, members
  STORE_NOT_FOUND: '门店不存在',
  STORE_KEY_NOT_FOUND: '柜台密钥不存在',
  STORE_KEY_INVALID: '柜台密钥无效或已吊销',
  GUIDE_NOT_FOUND: '导购不存在',
  GUIDE_EXISTS: '该企业微信账号已绑定其他导购',
  GUIDE_DEPARTED: '该导购已离职',
  GUIDE_ALREADY_DEPARTED: '该导购已办理离职',
  GUIDE_NOT_REGISTERED: '该企业微信账号不是导购',
  SUCCESSOR_INVALID: '接替导购无效：须为同品牌在职导购，且不能是本人',
  STAFF_EXISTS: '该用户名已存在',
  STORE_REQUIRED: '店员账号必须选择所属门店',
  MEMBER_NOT_FOUND: '会员不存在',
  MEMBER_ALREADY_LINKED: '该会员已关联其他导购',
  MEMBER_CHANGED: '会员信息已被他人修改，请刷新后重试',
  MEMBER_CODE_INVALID: '会员码无效，请让顾客刷新会员码后重试',
  MEMBER_CODE_EXPIRED: '会员码已过期，请让顾客刷新会员码',
  MEMBER_CODE_USED: '该会员码已使用过，请让顾客刷新会员码',
  LIVE_NOT_FOUND: '直播不存在',
  LIVE_TIMES_INVALID: '直播结束时间必须晚于开始时间',
  POLICY_CONFLICT: '策略已被他人修改，请刷新后重试',
  // orders, refunds, fulfilment
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_CHANGED: '订单状态已变化，请刷新后重试',
  ORDER_NOT_CANCELLABLE: '该订单不能取消',
  ORDER_NOT_PAYABLE: '该订单不能支付',
  ORDER_NOT_REFUNDABLE: '该订单当前不能退款',
  ORDER_NOT_SHIPPABLE: '该订单当前不能发货',
  ORDER_LINE_NOT_FOUND: '订单行不存在',
  NOT_YOUR_ORDER: '无权查看该订单',
  REFUND_AMOUNT_INVALID: '退款金额无效',
  REFUND_EXCEEDS_PAID: '退款金额超过可退金额',
  REFUND_LINE_REPEATED: '同一商品行不能重复填写',
  REFUND_LINE_UNKNOWN: '退款的商品行不属于该订单',
  REFUND_NOTHING_LEFT: '该订单已全部退款',
  REFUND_NO_REUSED: '退款单号已用于另一笔退款',
  REFUND_QUANTITY_INVALID: '退款数量超过可退数量',
  REFUND_SPEC_INVALID: '请选择按商品行、按金额或全额退款中的一种',
  STORE_ORDER_NOT_FOUND: '找不到该小票对应的门店订单',
  LINES_TOTAL_MISMATCH: '明细金额合计与小票金额不一致',
  RECEIPT_REUSED: '该小票号已登记过不同的内容',
  IDEMPOTENCY_KEY_REQUIRED: '请求缺少幂等键，请刷新页面后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致，请刷新页面后重试',
  IDEMPOTENCY_KEY_INVALID: '请求的幂等键无效，请刷新页面后重试',
  PICKUP_CODE_INVALID: '提货码无效',
  PICKUP_NOT_FOUND: '找不到该提货码对应的订单',
  PICKUP_WRONG_STORE: '该订单不在本门店自提',
  // finance
  PERIOD_INVALID: '账期无效',
  PERIOD_NOT_STARTED: '该账期尚未开始，不能结算',
  SETTLEMENT_ALREADY_CLOSED: '该账期已结算，不能重复结算',
  SETTLEMENT_NOT_FOUND: '该账期尚未结算',
  TRADE_BILL_MALFORMED: '对账单格式不正确，请上传微信支付交易账单（CSV）',
  BILL_DATE_INVALID: '账单日期格式不正确',
  BILL_DATE_REQUIRED: '请填写账单日期',
  RECONCILIATION_NOT_FOUND: '对账记录不存在',
  // upstream
  WECHAT_REJECTED: '微信接口拒绝了请求',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  WECHATPAY_REJECTED: '微信支付拒绝了请求',
  WECOM_UNAVAILABLE: '企业微信服务暂时不可用，请稍后再试',
  SHARE_CODE_INVALID: '分享码无效',
  SHARE_TARGET_NOT_FOUND: '分享的对象不存在',
  OA_NOT_CONFIGURED: '尚未配置公众号',
  // more codes of the API (kept complete by errors.test.ts)
  ACCOUNT_HAS_OPEN_ORDERS: '该会员还有进行中的订单，暂不能注销',
  AFTER_SALE_CHANGED: '售后申请状态已变化，请刷新后重试',
  AFTER_SALE_DECIDED: '该售后申请已处理',
  AFTER_SALE_NOT_FOUND: '售后申请不存在',
  AFTER_SALE_OPEN: '该订单已有处理中的售后申请',
  ALREADY_CREDITED: '该小票已有业绩归属导购',
  ALREADY_SHIPPED: '该订单已发货',
  CLAIM_DECIDED: '该补录申请已处理',
  CLAIM_EXISTS: '该小票已有补录申请',
  CLAIM_NOT_FOUND: '补录申请不存在',
  CLAIM_STORE_FORBIDDEN: '不能为其他门店的小票申请补录',
  COUNTER_ONLY: '仅门店收银可以进行此操作',
  EXTERNAL_CONTACT_NOT_FOUND: '找不到该企业微信客户',
  FULFILMENT_CHANGED: '订单履约状态已变化，请刷新后重试',
  GROUP_DATA_INVALID: '群信息无效',
  IMAGE_URL_MISMATCH: '商品图片地址无效，请重新上传',
  MEMBER_CODE_BUSY: '会员码正在使用中，请稍后再试',
  NOTHING_TO_UPDATE: '没有需要保存的修改',
  NOT_A_DELIVERY: '该订单不是快递配送订单',
  NOT_SHIPPED: '该订单尚未发货',
  NOT_YOUR_CONTACT: '该客户不是你的企业微信联系人',
  NOT_YOUR_STORE: '只能操作本门店的数据',
  NO_FULFILMENT: '该订单没有履约信息',
  ORDER_ALREADY_PAID: '该订单已支付',
  ORDER_NOT_CORRECTABLE: '该订单当前不能调整业绩归属',
  ORDER_NOT_ONLINE: '该操作仅适用于线上订单',
  ORDER_NOT_PAID: '该订单尚未支付',
  ORDER_REFUNDED: '该订单已退款',
  PHONE_CODE_INVALID: '手机号授权无效，请重试',
  PICKUP_AT_OTHER_STORE: '该订单不在本门店自提',
  PICKUP_CODE_NOT_FOUND: '找不到该提货码对应的订单',
  PICKUP_STORE_NOT_FOUND: '自提门店不存在',
  PRODUCT_NOT_ON_SALE: '该商品已下架',
  QUERY_REQUIRED: '请输入会员码或会员ID',
  RECEIPT_CONFLICT: '该小票号已登记过不同的内容',
  RECEIPT_NOT_FOUND: '找不到该小票',
  SELF_REFERRAL_DENIED: '导购自购不计佣金',
  SETTLEMENT_OUT_OF_ORDER: '请先结算更早的账期',
  SHARE_NOT_YOURS: '这不是你的分享',
  SOLD_AT_OUT_OF_RANGE: '销售时间须在 24 小时以内',
  STORE_NOT_ALLOWED: '无权操作该门店',
  UPLOAD_EMPTY: '图片文件为空',
  UPLOAD_FILE_REQUIRED: '请选择要上传的图片',
  UPLOAD_MALFORMED: '图片文件已损坏或格式不正确',
  UPLOAD_NOT_FOUND: '图片不存在',
  UPLOAD_NOT_MULTIPART: '上传方式不正确，请重新选择图片',
  UPLOAD_TYPE_UNSUPPORTED: '图片格式不正确，仅支持 PNG、JPEG、WebP',
  WECHATPAY_UNAVAILABLE: '微信支付暂时不可用，请稍后再试',
  WXACODE_FAILED: '小程序码生成失败',
  WXACODE_PENDING: '小程序码生成中，请稍后再试',
};

const BY_STATUS: Record<number, string> = {
  400: '请求有误，请检查填写的内容',
  401: MESSAGES.UNAUTHORIZED,
  403: MESSAGES.FORBIDDEN,
  404: '要找的内容不存在',
  409: '操作与当前状态冲突，请刷新后重试',
  413: MESSAGES.PAYLOAD_TOO_LARGE,
  415: MESSAGES.UNSUPPORTED_MEDIA_TYPE,
  422: '当前状态下不能进行此操作',
  429: MESSAGES.TOO_MANY_REQUESTS,
  502: '上游服务暂时不可用，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
};

/** Field names as the forms label them, for VALIDATION_FAILED details. */
const FIELDS: Record<string, string> = {
  name: '名称',
  city: '城市',
  username: '用户名',
  password: '密码',
  role: '角色',
  storeId: '门店',
  categoryId: '类目',
  priceFen: '价格',
  stock: '库存',
  delta: '调整数量',
  reason: '原因',
  amountFen: '金额',
  receiptNo: '小票号',
  memberCode: '会员码',
  refundNo: '退款单号',
  period: '账期',
  billDate: '账单日期',
  guideId: '导购',
  successorGuideId: '接替导购',
  wecomUserId: '企业微信账号',
  title: '标题',
  startsAt: '开始时间',
  endsAt: '结束时间',
  carrier: '快递公司',
  trackingNo: '快递单号',
  commissionRateBps: '佣金比例',
  pickupCode: '提货码',
};

export interface ErrorBody {
  error?: { code?: string; message?: string; details?: Array<{ field: string; message: string }> };
}

/** The Chinese message for an API error body and HTTP status. */
export function chineseMessage(status: number, body: ErrorBody | null | undefined): string {
  const code = body?.error?.code;
  if (code === 'VALIDATION_FAILED' && body?.error?.details?.length) {
    const fields = [...new Set(body.error.details.map((d) => FIELDS[d.field.split('.')[0]] ?? null))];
    const named = fields.filter((f): f is string => f !== null);
    if (named.length) return `以下内容填写有误：${named.join('、')}`;
  }
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (BY_STATUS[status]) return BY_STATUS[status];
  return status >= 500 ? MESSAGES.INTERNAL : '操作失败，请稍后再试';
}

/** Whether a code has a message of its own (not the fallback by status). */
export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

export function networkMessage(): string {
  return MESSAGES.NETWORK;
}
