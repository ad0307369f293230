import type {
  AfterSale,
  AttributionClaim,
  Category,
  CommissionsResponse,
  CreateAfterSaleRequest,
  CreateOrderRequest,
  CreateShareRequest,
  GuideCard,
  MemberAddress,
  Order,
  Product,
  RecordVisitRequest,
  RequestPaymentParams,
  Share,
  Store,
} from '@guideshare/contracts';
import { clearConsumerSession, ensureConsumerLogin, guideLogout, guideToken } from './auth';
import { AppError } from './errors';
import { http, httpResult, type HttpOptions, type HttpResult, type Method } from './http';

/** A livestream as GET /api/lives lists it. */
export interface Live {
  id: string;
  title: string;
  storeId: string;
  startsAt: string;
  endsAt: string;
  coverUrl?: string;
  status?: string;
}

/** The counts and sums of a period (api/src/reports/report.types.ts `Figures`); money in fen. */
export interface StatsFigures {
  shares: number;
  visits: number;
  /** distinct members over the period (days do not add up to it) */
  visitors: number;
  /** registrations (开卡) whose opening guide is the guide */
  newMembers?: number;
  buyers?: number;
  /** sales in the period, leaving out those refunded in full */
  orders: number;
  onlineOrders?: number;
  storeOrders?: number;
  /** net of refunds */
  onlineGmvFen: number;
  storeGmvFen: number;
  gmvFen?: number;
  refundedFen?: number;
  /** net of the ledger entries booked in the period */
  commissionFen: number;
}

/** GET /api/guides/me/stats?from&to: the guide's own figures, and day by day. */
export interface GuideStats extends StatsFigures {
  guideId?: string;
  /** business dates YYYY-MM-DD, both inclusive */
  from?: string;
  to?: string;
  timeZone?: string;
  sharerVsServer?: {
    shareGmvFen: number;
    serviceGmvFen: number;
    shareOrders: number;
    serviceOrders: number;
    shareOfCredit?: { numerator: number; denominator: number; bps: number | null };
  };
  days?: Array<StatsFigures & { date: string }>;
}

export interface StatsPeriod {
  from?: string;
  to?: string;
}

export interface MemberCode {
  code: string;
  expiresAt: string;
}

/** What a member may know of their guide (GET /api/members/me `serviceGuide`). */
export interface GuideSummary {
  id: string;
  name: string;
  storeId: string;
  status: 'active' | 'departed';
}

/** GET /api/members/me (api/src/member-accounts): the account and its binding. */
export interface MemberProfile {
  id: string;
  openid?: string;
  /** set once the member registered (开卡) */
  registeredAt: string | null;
  openingGuideId: string | null;
  serviceGuideId: string | null;
  serviceStoreId: string | null;
  boundAt?: string | null;
  createdAt?: string;
  serviceGuide: GuideSummary | null;
  serviceStore: Store | null;
}

/** POST /api/members/register answers with the member (and the phone number it registered). */
export interface RegisteredMember {
  id: string;
  openid?: string;
  phone: string | null;
  registeredAt: string | null;
  openingGuideId: string | null;
  serviceGuideId: string | null;
  serviceStoreId: string | null;
}

export interface AppConfig {
  simulatorUrl?: string;
  /** The attribution policy's online window: a stored share code older than this is dropped. */
  onlineWindowHours?: number;
}

/** GET /api/members/me/data: everything held about the member (PIPL access right). */
export type MemberData = Record<string, unknown>;

/** Order as the client reads it: the contract plus optional refund records if the server sends them. */
export interface OrderView extends Order {
  refunds?: Array<{ id: string; amountFen: number; status?: string; reason?: string; createdAt?: string }>;
  liveId?: string | null;
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

function list<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  // tolerate a paged envelope {items: [...]} or {data: [...]}
  const v = value as { items?: unknown; data?: unknown } | null;
  if (v && Array.isArray(v.items)) return v.items as T[];
  if (v && Array.isArray(v.data)) return v.data as T[];
  return [];
}

export interface ShareTarget {
  code: string;
  kind: 'product' | 'live' | 'store' | 'poster';
  targetId: string;
  path: string;
}

/** GET /api/guides/me/products/commission: one row per product on sale. */
export interface ProductCommission {
  productId: string;
  rateBps: number;
  minCommissionFen: number;
  maxCommissionFen: number;
}

export const api = {
  // catalog (public)
  products: async () => list<Product>(await http<unknown>('GET', '/api/products')),
  product: (id: string) => http<Product>('GET', `/api/products/${encodeURIComponent(id)}`),
  /** What a share code opens: a mini-program code carries only the code (its scene). Public. */
  stores: async () => list<Store>(await http<unknown>('GET', '/api/stores')),
  lives: async () => list<Live>(await http<unknown>('GET', '/api/lives')),
  categories: async () => list<Category>(await http<unknown>('GET', '/api/categories')),
  config: () => http<AppConfig>('GET', '/api/config'),
  /** The sharing guide's public card (a departed guide: `active: false`, the store only). */
  /** What a share code opens (a mini-program code carries only the code). */
  shareTarget: (code: string) => http<ShareTarget>('GET', `/api/shares/${encodeURIComponent(code)}`),
  shareGuide: (code: string) => http<GuideCard>('GET', `/api/shares/${encodeURIComponent(code)}/guide`),

  // consumer
  recordVisit: (body: RecordVisitRequest) => asConsumer<void>('POST', '/api/visits', { body }),
  createOrder: (body: CreateOrderRequest, idempotencyKey: string) =>
    asConsumer<OrderView>('POST', '/api/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  createPayment: (orderId: string) =>
    asConsumer<RequestPaymentParams>('POST', `/api/orders/${encodeURIComponent(orderId)}/payment`),
  orders: async () => list<OrderView>(await asConsumer<unknown>('GET', '/api/orders')),
  order: (id: string) => asConsumer<OrderView>('GET', `/api/orders/${encodeURIComponent(id)}`),
  cancelOrder: (id: string) => asConsumer<OrderView>('POST', `/api/orders/${encodeURIComponent(id)}/cancel`),
  confirmReceipt: (id: string) => asConsumer<OrderView>('POST', `/api/orders/${encodeURIComponent(id)}/receipt`),
  afterSales: async (orderId: string) =>
    list<AfterSale>(await asConsumer<unknown>('GET', `/api/orders/${encodeURIComponent(orderId)}/after-sales`)),
  requestAfterSale: (orderId: string, body: CreateAfterSaleRequest, idempotencyKey: string) =>
    asConsumer<AfterSale>('POST', `/api/orders/${encodeURIComponent(orderId)}/after-sales`, {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /** The remembered delivery address (the last one used), if any. */
  lastAddress: async () =>
    list<MemberAddress>(await asConsumer<unknown>('GET', '/api/members/me/addresses'))[0] ?? null,
  myData: () => asConsumer<MemberData>('GET', '/api/members/me/data'),
  deleteAccount: () => asConsumer<unknown>('DELETE', '/api/members/me'),
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
  productCommissions: async () =>
    list<ProductCommission>(await asGuide<unknown>('GET', '/api/guides/me/products/commission')),
  commissions: () => asGuide<CommissionsResponse>('GET', '/api/guides/me/commissions'),
  /** The guide's own 补录 claims, newest first. */
  myClaims: async () => list<AttributionClaim>(await asGuide<unknown>('GET', '/api/guides/me/claims')),
  fileClaim: (body: { storeId: string; receiptNo: string; reason: string }) =>
    asGuide<AttributionClaim>('POST', '/api/guides/me/claims', { body }),
  /** No dates: this month to date (the server's business time zone). */
  guideStats: (period: StatsPeriod = {}) =>
    asGuide<GuideStats>('GET', `/api/guides/me/stats${queryString({ from: period.from, to: period.to })}`),

  // the local WeChat Pay simulator (H5 demo only)
  simulatePay: (simulatorUrl: string, orderId: string) =>
    http<unknown>('POST', `${simulatorUrl.replace(/\/+$/, '')}/sim/pay`, {
      absolute: true,
      body: { out_trade_no: orderId },
    }),
};
