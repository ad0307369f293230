// Every error code the API (and this app itself) can produce, in the words a shopper or guide reads.
// The server's own `message` is English and meant for developers: it never reaches the screen.
// miniapp/test/lib/error-messages.test.ts fails when an API code is missing here.

/** code → [short headline, sentence with what to do]. */
export const ERROR_MESSAGES: Record<string, readonly [title: string, message: string]> = {
  // ---- transport and generic HTTP ----
  NETWORK_ERROR: ['网络不给力', '网络连接失败，请检查网络后重试'],
  BAD_REQUEST: ['提交的信息有误', '提交的信息有误，请检查后重试'],
  VALIDATION_FAILED: ['提交的信息有误', '提交的信息不完整或格式不对，请检查后重试'],
  UNAUTHORIZED: ['请先登录', '登录已过期，请重新进入小程序'],
  FORBIDDEN: ['没有权限', '当前账号无权进行此操作'],
  NOT_FOUND: ['内容不存在', '您要找的内容不存在或已下架'],
  METHOD_NOT_ALLOWED: ['暂不支持', '暂不支持此操作，请更新小程序后再试'],
  CONFLICT: ['操作冲突', '数据刚刚有变化，请刷新后再试'],
  PAYLOAD_TOO_LARGE: ['内容过大', '提交的内容过大，请精简后再试'],
  UNSUPPORTED_MEDIA_TYPE: ['格式不支持', '提交的文件格式不支持'],
  TOO_MANY_REQUESTS: ['操作太频繁', '操作太频繁，请稍等片刻再试'],
  HTTP_ERROR: ['请求失败', '请求没有成功，请稍后重试'],
  INTERNAL: ['服务开小差了', '服务器开小差了，请稍后重试'],
  SERVER_ERROR: ['服务开小差了', '服务器开小差了，请稍后重试'],
  CLIENT_ERROR: ['出错了', '页面出了点问题，请返回后重试'],

  // ---- login, members, privacy ----
  LOGIN_FAILED: ['登录失败', '登录没有成功，请稍后重试'],
  LOGIN_CODE_INVALID: ['登录失败', '微信登录凭证已失效，请重新进入小程序'],
  MEMBER_NOT_FOUND: ['会员不存在', '没有找到这位会员'],
  MEMBER_ALREADY_LINKED: ['已绑定', '该会员已绑定，无需重复操作'],
  MEMBER_CHANGED: ['会员信息有变', '会员信息刚刚有变化，请刷新后再试'],
  MEMBER_CODE_EXPIRED: ['会员码已过期', '会员码已过期，请刷新后重新出示'],
  MEMBER_CODE_INVALID: ['会员码无效', '会员码无效，请刷新后重新出示'],
  MEMBER_CODE_USED: ['会员码已使用', '这个会员码已使用，请刷新获取新的会员码'],
  MEMBER_CODE_BUSY: ['会员码使用过于频繁', '一分钟内已多次使用会员码，请稍后再刷新'],
  MEMBER_DELETED: ['账号已注销', '该账号已注销'],
  ACCOUNT_DELETED: ['账号已注销', '该账号已注销'],
  ACCOUNT_HAS_OPEN_ORDERS: ['暂时无法注销', '您还有未完成的订单或售后，完成后再申请注销'],
  NOT_REGISTERED: ['尚未开卡', '请先开通会员卡'],
  PHONE_CODE_INVALID: ['手机号验证失败', '手机号验证未通过或授权已过期，请重新获取手机号后再试'],
  PHONE_DENIED: ['未授权手机号', '开卡需要授权手机号，您可以随时再点“一键开卡”'],
  PRIVACY_DENIED: ['需要您的同意', '同意《用户隐私保护指引》后才能使用此功能'],
  ADDRESS_DENIED: ['未选择地址', '没有拿到收货地址，您可以手动填写'],
  CLIPBOARD_FAILED: ['复制失败', '复制没有成功，请长按订单号手动复制'],
  WECHAT_UNAVAILABLE: ['微信服务繁忙', '微信服务暂时繁忙，请稍后重试'],
  WECHAT_REJECTED: ['微信服务拒绝', '微信暂时无法处理该请求，请稍后重试'],
  WECOM_UNAVAILABLE: ['企业微信繁忙', '企业微信服务暂时繁忙，请稍后重试'],
  OA_NOT_CONFIGURED: ['功能未开通', '公众号功能尚未开通'],

  // ---- catalog, shares, lives ----
  PRODUCT_NOT_FOUND: ['商品不存在', '商品不存在或已下架'],
  PRODUCT_NOT_ON_SALE: ['商品已下架', '商品已下架，去看看别的吧'],
  NOT_ON_SALE: ['商品已下架', '商品已下架，去看看别的吧'],
  SKU_NOT_FOUND: ['规格不存在', '所选规格已下架，请重新选择'],
  IMAGE_URL_MISMATCH: ['图片有误', '商品主图需为图集的第一张'],
  NOTHING_TO_UPDATE: ['没有修改', '没有需要保存的修改'],
  CATEGORY_NOT_FOUND: ['分类不存在', '该分类不存在'],
  OUT_OF_STOCK: ['库存不足', '商品库存不足，请减少数量或选择其他规格'],
  INSUFFICIENT_STOCK: ['库存不足', '商品库存不足，请减少数量或选择其他规格'],
  SHARE_CODE_INVALID: ['分享链接已失效', '分享链接已失效，您仍可正常浏览和购买'],
  SHARE_NOT_YOURS: ['不是您的分享', '只能查看自己发出的分享'],
  WXACODE_FAILED: ['小程序码生成失败', '小程序码暂时生成失败，请稍后重试'],
  WXACODE_PENDING: ['小程序码生成中', '小程序码正在生成，请稍后再试'],
  GROUP_DATA_INVALID: ['群信息无法识别', '未能识别您所在的群，请重新从群里打开分享卡片'],
  SHARE_TARGET_NOT_FOUND: ['分享内容不存在', '分享的商品或活动不存在'],
  LIVE_NOT_FOUND: ['直播不存在', '直播不存在或已结束'],
  LIVE_TIMES_INVALID: ['直播时间有误', '直播的开始和结束时间有误'],

  // ---- orders, payment, fulfilment ----
  IDEMPOTENCY_KEY_REQUIRED: ['提交失败', '订单提交失败，请返回重新下单'],
  IDEMPOTENCY_KEY_INVALID: ['提交失败', '订单提交失败，请返回重新下单'],
  IDEMPOTENCY_KEY_REUSED: ['订单已提交', '订单内容有变化，请返回重新下单'],
  ORDER_NOT_FOUND: ['订单不存在', '没有找到这个订单'],
  NOT_YOUR_ORDER: ['无权查看', '这不是您的订单'],
  ORDER_CHANGED: ['订单状态有变', '订单状态刚刚有变化，请刷新后再试'],
  ORDER_NOT_PAYABLE: ['订单无法支付', '订单已取消或已支付，无需再次支付'],
  ORDER_NOT_CANCELLABLE: ['无法取消', '订单已支付或已关闭，不能取消'],
  ORDER_ALREADY_PAID: ['订单已支付', '这笔订单已支付成功，不能取消，请稍后刷新查看'],
  ORDER_NOT_ONLINE: ['门店订单', '门店消费的订单请到门店办理'],
  ORDER_NOT_REFUNDABLE: ['无法退款', '订单当前状态不能申请退款'],
  ORDER_NOT_SHIPPED: ['尚未发货', '订单还没有发货，暂时不能确认收货'],
  NOT_SHIPPED: ['尚未发货', '订单还没有发货，暂时不能确认收货'],
  ORDER_NOT_PAID: ['订单未支付', '订单还没有支付'],
  ORDER_LINE_NOT_FOUND: ['商品不存在', '订单里没有这件商品'],
  LINES_TOTAL_MISMATCH: ['金额不一致', '商品金额合计与总金额不一致'],
  STORE_NOT_FOUND: ['门店不存在', '所选门店不存在，请重新选择'],
  STORE_CLOSED: ['门店暂停营业', '所选门店暂停营业，请选择其他门店'],
  FULFILMENT_INVALID: ['配送信息有误', '请选择快递配送或到店自提，并填写完整信息'],
  FULFILMENT_REQUIRED: ['请选择配送方式', '请选择快递配送或到店自提'],
  FULFILMENT_NOT_DELIVERY: ['非快递订单', '到店自提的订单无需确认收货'],
  FULFILMENT_NOT_PICKUP: ['非自提订单', '这个订单不是到店自提'],
  FULFILMENT_NOT_SHIPPED: ['尚未发货', '订单还没有发货，暂时不能确认收货'],
  FULFILMENT_ALREADY_DONE: ['订单已完成', '订单已经完成，无需重复操作'],
  FULFILMENT_CHANGED: ['订单状态有变', '订单状态刚刚有变化，请刷新后再试'],
  ALREADY_SHIPPED: ['已发货', '订单已发货'],
  ALREADY_FULFILLED: ['订单已完成', '订单已经完成，无需重复操作'],
  ADDRESS_INVALID: ['地址有误', '请填写完整的收货人、手机号和详细地址'],
  NOT_A_DELIVERY: ['非快递订单', '到店自提的订单请到门店提货，无需确认收货'],
  NO_FULFILMENT: ['无需配送', '这个订单没有需要配送或自提的商品'],
  ORDER_REFUNDED: ['订单已退款', '订单已退款，不再发货或提货'],
  PICKUP_STORE_NOT_FOUND: ['门店不存在', '所选自提门店不存在，请重新选择'],
  PICKUP_AT_OTHER_STORE: ['非本店订单', '该订单需在下单时选择的门店提货'],
  PICKUP_CODE_INVALID: ['提货码无效', '提货码无效，请核对后重试'],
  PICKUP_CODE_NOT_FOUND: ['提货码无效', '提货码无效，请核对后重试'],
  PICKUP_WRONG_STORE: ['非本店订单', '该订单需在下单时选择的门店提货'],
  PICKUP_NOT_READY: ['暂不能提货', '订单尚未支付或已完成，暂不能提货'],
  WECHATPAY_UNAVAILABLE: ['支付服务繁忙', '微信支付暂时繁忙，请稍后重试'],
  WECHATPAY_REJECTED: ['支付未受理', '微信支付未受理这笔交易，请稍后重试'],
  PAY_CANCELLED: ['已取消支付', '您已取消支付，可在订单中继续支付'],
  PAY_FAILED: ['支付失败', '支付没有完成，请稍后在订单中重试'],
  SIMULATOR_UNAVAILABLE: ['无法模拟支付', '浏览器里无法完成微信支付，请在微信小程序中支付'],

  // ---- refunds and after-sales ----
  REFUND_AMOUNT_INVALID: ['退款金额有误', '退款金额需大于 0 且不超过可退金额'],
  REFUND_EXCEEDS_PAID: ['超出可退金额', '退款金额超出了可退金额'],
  REFUND_LINE_REPEATED: ['商品重复', '同一件商品只能选择一次'],
  REFUND_LINE_UNKNOWN: ['商品不存在', '所选商品不在这个订单中'],
  REFUND_NOTHING_LEFT: ['已全部退款', '这个订单已经没有可退的金额了'],
  REFUND_NO_REUSED: ['退款单号重复', '退款单号已被使用'],
  REFUND_QUANTITY_INVALID: ['退款数量有误', '退款数量不能超过购买数量'],
  REFUND_SPEC_INVALID: ['退款内容有误', '请选择要退的商品或填写退款金额'],
  AFTER_SALE_NOT_FOUND: ['售后不存在', '没有找到这条售后申请'],
  AFTER_SALE_PENDING: ['售后处理中', '已有售后申请正在处理，请等待结果'],
  AFTER_SALE_OPEN: ['售后处理中', '已有售后申请正在处理，请等待结果'],
  AFTER_SALE_ALREADY_DECIDED: ['售后已处理', '这条售后申请已经处理过了'],
  AFTER_SALE_DECIDED: ['售后已处理', '这条售后申请已经处理过了'],
  AFTER_SALE_CHANGED: ['售后状态有变', '售后申请刚刚有变化，请刷新后再试'],
  AFTER_SALE_NOT_REQUESTED: ['售后已处理', '这条售后申请已经处理过了'],
  AFTER_SALE_NOT_ALLOWED: ['无法申请售后', '订单当前状态不能申请售后'],
  AFTER_SALE_REASON_REQUIRED: ['请填写原因', '请填写申请退款的原因'],

  // ---- guides, stores, counters (workbench and staff) ----
  GUIDE_NOT_REGISTERED: ['不是导购账号', '这个企业微信账号还没有登记为导购'],
  GUIDE_DEPARTED: ['导购已离职', '该导购已离职'],
  GUIDE_ALREADY_DEPARTED: ['导购已离职', '该导购已办理离职'],
  GUIDE_EXISTS: ['导购已存在', '该导购已登记'],
  GUIDE_NOT_FOUND: ['导购不存在', '没有找到这位导购'],
  SUCCESSOR_INVALID: ['接替导购有误', '接替的导购无效，请重新选择'],
  NOT_YOUR_CONTACT: ['不是您的客户', '这位客户不是您的企业微信联系人'],
  EXTERNAL_CONTACT_NOT_FOUND: ['客户不存在', '没有找到这位企业微信客户'],
  STORE_KEY_INVALID: ['门店密钥无效', '门店密钥无效或已停用'],
  STORE_KEY_NOT_FOUND: ['门店密钥不存在', '门店密钥不存在'],
  STORE_ORDER_NOT_FOUND: ['小票不存在', '没有找到这张小票的订单'],
  RECEIPT_CONFLICT: ['小票冲突', '这张小票已登记过不同的内容'],
  SOLD_AT_OUT_OF_RANGE: ['消费时间有误', '消费时间不在允许的范围内'],
  STAFF_EXISTS: ['账号已存在', '该用户名已被使用'],
  POLICY_CONFLICT: ['规则已更新', '规则刚被他人修改，请刷新后再试'],
  CLAIM_NOT_FOUND: ['补录不存在', '没有找到这条补录申请'],
  CLAIM_EXISTS: ['已提交过补录', '这张小票您已提交过补录申请，请等待审核'],
  CLAIM_STORE_FORBIDDEN: ['不能补录', '只能补录本门店的小票'],
  CLAIM_DECIDED: ['补录已处理', '这条补录申请已审核过了'],
  RECEIPT_NOT_FOUND: ['小票不存在', '本门店没有这张小票，请核对小票号'],
  ALREADY_CREDITED: ['已有归属导购', '这笔销售已归属导购，不能补录'],
  ORDER_NOT_CORRECTABLE: ['不能改归属', '已取消的订单不能修改归属'],
  SELF_REFERRAL_DENIED: ['不能归属本人', '导购本人的购买不计佣金'],

  // ---- reports and finance ----
  PERIOD_INVALID: ['时间段有误', '统计时间段有误，请重新选择'],
  PERIOD_NOT_STARTED: ['时间未到', '该结算周期尚未开始'],
  SETTLEMENT_ALREADY_CLOSED: ['已结算', '该周期已经结算'],
  SETTLEMENT_NOT_FOUND: ['结算不存在', '没有找到该周期的结算'],
  SETTLEMENT_OUT_OF_ORDER: ['结算顺序有误', '请先结算更早的周期'],
  BILL_DATE_REQUIRED: ['缺少账单日期', '请选择账单日期'],
  BILL_DATE_INVALID: ['账单日期有误', '账单日期有误，请重新选择'],
  TRADE_BILL_MALFORMED: ['账单格式有误', '交易账单格式不正确'],
};

const FALLBACK_BY_STATUS: Array<[test: (status: number) => boolean, code: string]> = [
  [(s) => s === 0, 'NETWORK_ERROR'],
  [(s) => s === 400 || s === 422, 'VALIDATION_FAILED'],
  [(s) => s === 401, 'UNAUTHORIZED'],
  [(s) => s === 403, 'FORBIDDEN'],
  [(s) => s === 404, 'NOT_FOUND'],
  [(s) => s === 409, 'CONFLICT'],
  [(s) => s === 413, 'PAYLOAD_TOO_LARGE'],
  [(s) => s === 429, 'TOO_MANY_REQUESTS'],
  [(s) => s >= 500, 'SERVER_ERROR'],
];

/** Headline and sentence for a code; an unknown code falls back on its HTTP status, never on its text. */
export function messageFor(code: string, status: number): { title: string; message: string } {
  const known = ERROR_MESSAGES[code];
  if (known) return { title: known[0], message: known[1] };
  const fallback = FALLBACK_BY_STATUS.find(([test]) => test(status))?.[1] ?? 'HTTP_ERROR';
  const [title, message] = ERROR_MESSAGES[fallback];
  return { title, message };
}

/** Whether trying the same request again can succeed: the network, the server, or a rate limit. */
export function isRetryable(error: { code: string; status: number }): boolean {
  if (error.code === 'NETWORK_ERROR' || error.code === 'TOO_MANY_REQUESTS') return true;
  return error.status === 429 || error.status >= 500;
}
