import type {
  AfterSale,
  AppConfig,
  AttributionClaim,
  CommissionsResponse,
  CreateAfterSaleRequest,
  CreateOrderRequest,
  CreateShareRequest,
  GuideCard,
  GuideStatsResponse,
  Live,
  MemberAddress,
  MemberCode,
  MemberDataExport,
  MemberProfile,
  Order,
  PaymentResponse,
  Product,
  ProductCommission,
  PublicCategory,
  RecordVisitRequest,
  RegisteredMember,
  Share,
  ShareTarget,
  Store,
} from '@guideshare/contracts';
import { clearConsumerSession, ensureConsumerLogin, guideLogout, guideToken } from './auth';
import { AppError } from './errors';
import { http, httpResult, type HttpOptions, type HttpResult, type Method } from './http';

/** No dates: this month to date (the server's business time zone). */
export interface StatsPeriod {
  from?: string;
  to?: string;
}

/** Consumer call: logs in silently when needed and once more if the token was rejected. */
async function consumerResult<T>(
  method: Method,
  path: string,
  opts: Omit<HttpOptions, 'token'> = {},
): Promise<HttpResult<T>> {
  const token = await ensureConsumerLogin();
  try {
    return await httpResult<T>(method, path, { ...opts, token });
  } catch (e) {
    if (e instanceof AppError && e.status === 401) {
      clearConsumerSession();
      const fresh = await ensureConsumerLogin(true);
      return httpResult<T>(method, path, { ...opts, token: fresh });
    }
    throw e;
  }
}

async function asConsumer<T>(method: Method, path: string, opts: Omit<HttpOptions, 'token'> = {}): Promise<T> {
  return (await consumerResult<T>(method, path, opts)).data;
}

function queryString(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Guide call: needs the workbench login; a rejected token logs the guide out. */
async function asGuide<T>(method: Method, path: string, opts: Omit<HttpOptions, 'token'> = {}): Promise<T> {
  const token = guideToken();
  if (!token) throw new AppError('UNAUTHORIZED', '请先登录导购工作台', 401);
  try {
    return await http<T>(method, path, { ...opts, token });
  } catch (e) {
    if (e instanceof AppError && e.status === 401) guideLogout();
    throw e;
  }
}

export const api = {
  // catalog (public)
  products: () => http<Product[]>('GET', '/api/products'),
  product: (id: string) => http<Product>('GET', `/api/products/${encodeURIComponent(id)}`),
  stores: () => http<Store[]>('GET', '/api/stores'),
  lives: () => http<Live[]>('GET', '/api/lives'),
  categories: () => http<PublicCategory[]>('GET', '/api/categories'),
  config: () => http<AppConfig>('GET', '/api/config'),
  /** What a share code opens (a mini-program code carries only the code). Public. */
  shareTarget: (code: string) => http<ShareTarget>('GET', `/api/shares/${encodeURIComponent(code)}`),
  /** The sharing guide's public card (a departed guide: `active: false`, the store only). */
  shareGuide: (code: string) => http<GuideCard>('GET', `/api/shares/${encodeURIComponent(code)}/guide`),

  // consumer
  recordVisit: (body: RecordVisitRequest) => asConsumer<void>('POST', '/api/visits', { body }),
  createOrder: (body: CreateOrderRequest, idempotencyKey: string) =>
    asConsumer<Order>('POST', '/api/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  createPayment: (orderId: string) =>
    asConsumer<PaymentResponse>('POST', `/api/orders/${encodeURIComponent(orderId)}/payment`),
  orders: () => asConsumer<Order[]>('GET', '/api/orders'),
  order: (id: string) => asConsumer<Order>('GET', `/api/orders/${encodeURIComponent(id)}`),
  cancelOrder: (id: string) => asConsumer<Order>('POST', `/api/orders/${encodeURIComponent(id)}/cancel`),
  confirmReceipt: (id: string) => asConsumer<Order>('POST', `/api/orders/${encodeURIComponent(id)}/receipt`),
  afterSales: (orderId: string) =>
    asConsumer<AfterSale[]>('GET', `/api/orders/${encodeURIComponent(orderId)}/after-sales`),
  requestAfterSale: (orderId: string, body: CreateAfterSaleRequest, idempotencyKey: string) =>
    asConsumer<AfterSale>('POST', `/api/orders/${encodeURIComponent(orderId)}/after-sales`, {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /** The remembered delivery address (the last one used), if any: the API lists `[]` or `[address]`. */
  lastAddress: async () => (await asConsumer<MemberAddress[]>('GET', '/api/members/me/addresses'))[0] ?? null,
  myData: () => asConsumer<MemberDataExport>('GET', '/api/members/me/data'),
  deleteAccount: () => asConsumer<void>('DELETE', '/api/members/me'),
  memberCode: () => asConsumer<MemberCode>('GET', '/api/members/me/code'),
  me: () => asConsumer<MemberProfile>('GET', '/api/members/me'),
  /** 开卡 with a phone-number code: `created` is false when the member was already registered (200). */
  registerMember: async (phoneCode: string) => {
    const res = await consumerResult<RegisteredMember>('POST', '/api/members/register', { body: { phoneCode } });
    return { member: res.data, created: res.status === 201 };
  },

  // guide
  createShare: (body: CreateShareRequest) => asGuide<Share>('POST', '/api/shares', { body }),
  /** What sharing each product would earn: its commission rate and the estimate over its SKUs. */
  productCommissions: () => asGuide<ProductCommission[]>('GET', '/api/guides/me/products/commission'),
  commissions: () => asGuide<CommissionsResponse>('GET', '/api/guides/me/commissions'),
  /** The guide's own 补录 claims, newest first. */
  myClaims: () => asGuide<AttributionClaim[]>('GET', '/api/guides/me/claims'),
  fileClaim: (body: { storeId: string; receiptNo: string; reason: string }) =>
    asGuide<AttributionClaim>('POST', '/api/guides/me/claims', { body }),
  /** No dates: this month to date (the server's business time zone). */
  guideStats: (period: StatsPeriod = {}) =>
    asGuide<GuideStatsResponse>('GET', `/api/guides/me/stats${queryString({ from: period.from, to: period.to })}`),

  // the local WeChat Pay simulator (H5 demo only)
  simulatePay: (simulatorUrl: string, outTradeNo: string) =>
    http<unknown>('POST', `${simulatorUrl.replace(/\/+$/, '')}/sim/pay`, {
      absolute: true,
      body: { out_trade_no: outTradeNo },
    }),
};
