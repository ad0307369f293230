import type {
  CommissionsResponse,
  CreateOrderRequest,
  CreateShareRequest,
  Order,
  Product,
  RecordVisitRequest,
  RequestPaymentParams,
  Share,
  Store,
} from '@guideshare/contracts'
import { clearConsumerSession, ensureConsumerLogin, guideLogout, guideToken } from './auth'
import { AppError } from './errors'
import { http, type HttpOptions, type Method } from './http'

/** A livestream as GET /api/lives lists it. */
export interface Live {
  id: string
  title: string
  storeId: string
  startsAt: string
  endsAt: string
  coverUrl?: string
  status?: string
}

/** GET /api/guides/me/stats (may not exist yet on the server). */
export interface GuideStats {
  shares: number
  visits: number
  visitors: number
  orders: number
  onlineGmvFen: number
  storeGmvFen: number
  commissionFen: number
}

export interface MemberCode {
  code: string
  expiresAt: string
}

export interface AppConfig {
  simulatorUrl?: string
}

/** Order as the client reads it: the contract plus optional refund records if the server sends them. */
export interface OrderView extends Order {
  refunds?: Array<{ id: string; amountFen: number; status?: string; reason?: string; createdAt?: string }>
  liveId?: string | null
}

/** Consumer call: logs in silently when needed and once more if the token was rejected. */
async function asConsumer<T>(method: Method, path: string, opts: Omit<HttpOptions, 'token'> = {}): Promise<T> {
  const token = await ensureConsumerLogin()
  try {
    return await http<T>(method, path, { ...opts, token })
  } catch (e) {
    if (e instanceof AppError && e.status === 401) {
      clearConsumerSession()
      const fresh = await ensureConsumerLogin(true)
      return http<T>(method, path, { ...opts, token: fresh })
    }
    throw e
  }
}

/** Guide call: needs the workbench login; a rejected token logs the guide out. */
async function asGuide<T>(method: Method, path: string, opts: Omit<HttpOptions, 'token'> = {}): Promise<T> {
  const token = guideToken()
  if (!token) throw new AppError('UNAUTHORIZED', '请先登录导购工作台', 401)
  try {
    return await http<T>(method, path, { ...opts, token })
  } catch (e) {
    if (e instanceof AppError && e.status === 401) guideLogout()
    throw e
  }
}

function list<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[]
  // tolerate a paged envelope {items: [...]} or {data: [...]}
  const v = value as { items?: unknown; data?: unknown } | null
  if (v && Array.isArray(v.items)) return v.items as T[]
  if (v && Array.isArray(v.data)) return v.data as T[]
  return []
}

export const api = {
  // catalog (public)
  products: async () => list<Product>(await http<unknown>('GET', '/api/products')),
  product: (id: string) => http<Product>('GET', `/api/products/${encodeURIComponent(id)}`),
  stores: async () => list<Store>(await http<unknown>('GET', '/api/stores')),
  lives: async () => list<Live>(await http<unknown>('GET', '/api/lives')),
  config: () => http<AppConfig>('GET', '/api/config'),

  // consumer
  recordVisit: (body: RecordVisitRequest) => asConsumer<void>('POST', '/api/visits', { body }),
  createOrder: (body: CreateOrderRequest, idempotencyKey: string) =>
    asConsumer<OrderView>('POST', '/api/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  createPayment: (orderId: string) =>
    asConsumer<RequestPaymentParams>('POST', `/api/orders/${encodeURIComponent(orderId)}/payment`),
  orders: async () => list<OrderView>(await asConsumer<unknown>('GET', '/api/orders')),
  order: (id: string) => asConsumer<OrderView>('GET', `/api/orders/${encodeURIComponent(id)}`),
  cancelOrder: (id: string) => asConsumer<OrderView>('POST', `/api/orders/${encodeURIComponent(id)}/cancel`),
  memberCode: () => asConsumer<MemberCode>('GET', '/api/members/me/code'),

  // guide
  createShare: (body: CreateShareRequest) => asGuide<Share>('POST', '/api/shares', { body }),
  commissions: () => asGuide<CommissionsResponse>('GET', '/api/guides/me/commissions'),
  guideStats: () => asGuide<GuideStats>('GET', '/api/guides/me/stats'),

  // the local WeChat Pay simulator (H5 demo only)
  simulatePay: (simulatorUrl: string, orderId: string) =>
    http<unknown>('POST', `${simulatorUrl.replace(/\/+$/, '')}/sim/pay`, {
      absolute: true,
      body: { out_trade_no: orderId },
    }),
}
