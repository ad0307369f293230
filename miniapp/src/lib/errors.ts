// One error type for everything the UI shows: API errors keep the server's code and message.

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Array<{ field: string; message: string }>;

  constructor(code: string, message: string, status = 0, details?: Array<{ field: string; message: string }>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Short headline per error code; the server's `message` is shown below it. */
const TITLES: Record<string, string> = {
  NETWORK_ERROR: '网络不给力',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '没有权限',
  NOT_FOUND: '内容不存在',
  VALIDATION_FAILED: '提交的信息有误',
  SHARE_CODE_INVALID: '分享链接已失效',
  OUT_OF_STOCK: '库存不足',
  INSUFFICIENT_STOCK: '库存不足',
  IDEMPOTENCY_KEY_REUSED: '订单已提交',
  ORDER_NOT_PAYABLE: '订单无法支付',
  PAY_CANCELLED: '已取消支付',
  PAY_FAILED: '支付失败',
  SIMULATOR_UNAVAILABLE: '无法模拟支付',
  LOGIN_FAILED: '登录失败',
  PHONE_CODE_INVALID: '手机号验证失败',
  PHONE_DENIED: '未授权手机号',
  WECHAT_UNAVAILABLE: '微信服务繁忙',
  MEMBER_NOT_FOUND: '会员不存在',
  PERIOD_INVALID: '统计时间段有误',
  SERVER_ERROR: '服务开小差了',
};

export function errorTitle(code: string): string {
  return TITLES[code] ?? '出错了';
}

const STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已过期，请重新登录',
  403: '当前账号无权访问',
  404: '请求的内容不存在',
};

/** Builds the AppError for a non-2xx response, preferring the contract's `{error:{code,message}}`. */
export function fromResponse(status: number, body: unknown): AppError {
  const raw = (body as { error?: unknown } | null)?.error;
  // The contract's {error:{code,message}}; tolerate {error:"text"} (the simulator's control routes).
  const err = (typeof raw === 'string' ? { message: raw } : raw) as
    { code?: unknown; message?: unknown; details?: unknown } | undefined;
  const code =
    typeof err?.code === 'string' && err.code
      ? err.code
      : (STATUS_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : `HTTP_${status}`));
  const message =
    typeof err?.message === 'string' && err.message
      ? err.message
      : (STATUS_MESSAGES[status] ?? (status >= 500 ? `服务器错误（${status}），请稍后再试` : `请求失败（${status}）`));
  const details = Array.isArray(err?.details) ? (err!.details as AppError['details']) : undefined;
  return new AppError(code, message, status, details);
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const msg =
    (e as { errMsg?: string; message?: string } | null)?.errMsg ?? (e as { message?: string } | null)?.message;
  return new AppError('NETWORK_ERROR', msg ? `网络请求失败：${msg}` : '网络请求失败，请检查网络后重试');
}
