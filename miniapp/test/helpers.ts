import { __mock, type MockRequest, type MockResponse } from './mocks/taro';
import { KEYS } from '../src/lib/storage';

/** A route's answer: plain data (200), `reply(...)`, or a function of the request. */
export type Route = unknown | ((req: MockRequest & { params: Record<string, string> }) => unknown);

const REPLY = Symbol('reply');
export function reply(statusCode: number, data: unknown): MockResponse {
  return { statusCode, data, [REPLY]: true } as MockResponse;
}
export function apiError(statusCode: number, code: string, message: string): MockResponse {
  return reply(statusCode, { error: { code, message } });
}
/** A response that never arrives (to look at loading states). */
export function never(): Promise<MockResponse> {
  return new Promise(() => undefined);
}

function isReply(v: unknown): v is MockResponse {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[REPLY] === true;
}

/**
 * Installs a fake API: keys are "METHOD /path" with optional ":param" segments. Unmatched requests get
 * 404 {error:{code:'NOT_FOUND'}}. Login is answered by default.
 */
export function installApi(routes: Record<string, Route>) {
  const table = Object.entries({
    'POST /api/auth/wechat': { token: 'consumer-token', member: { id: 'member-0001', openid: 'o-1' } },
    ...routes,
  }).map(([key, route]) => {
    const [method, pattern] = key.split(' ');
    const names: string[] = [];
    const re = new RegExp(
      `^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, n) => {
        names.push(n);
        return '([^/]+)';
      })}$`,
    );
    return { method, re, names, route };
  });
  __mock.setHandler(async (req) => {
    const path = req.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    for (const { method, re, names, route } of table) {
      const m = method === req.method ? re.exec(path) : null;
      if (!m) continue;
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      const out = typeof route === 'function' ? await (route as (r: unknown) => unknown)({ ...req, params }) : route;
      const res = await out;
      return isReply(res) ? res : { statusCode: 200, data: res };
    }
    return apiError(404, 'NOT_FOUND', `no mock for ${req.method} ${path}`);
  });
}

export function requestsTo(method: string, path: string): MockRequest[] {
  return __mock.state.requests.filter(
    (r) => r.method === method && r.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] === path,
  );
}

export function loginAsConsumer(token = 'consumer-token') {
  __mock.state.storage.set(KEYS.consumerToken, token);
  __mock.state.storage.set(KEYS.member, { id: 'member-0001', openid: 'o-1' });
}

export function loginAsGuide(token = 'guide-token') {
  __mock.state.storage.set(KEYS.guideToken, token);
  __mock.state.storage.set(KEYS.guide, { id: 'guide-1', storeId: 'store-0001', name: '小林' });
}

export const CODE = 'AbCdEfGhIjKlMn12345678'; // 22 base62 characters: a well-formed share code
export const OTHER_CODE = 'ZyXwVuTsRqPoNm87654321';

export const products = [
  {
    id: 'p1',
    name: '轻羽速干T恤',
    categoryId: 'c1',
    imageUrl: '',
    skus: [
      { id: 'sku-1a', name: '白色 M', priceFen: 9900, stock: 10 },
      { id: 'sku-1b', name: '黑色 L', priceFen: 10900, stock: 0 },
    ],
  },
  {
    id: 'p2',
    name: '城市通勤双肩包',
    categoryId: 'c2',
    imageUrl: 'https://img.test/p2.png',
    skus: [{ id: 'sku-2a', name: '标准款', priceFen: 25900, stock: 3 }],
  },
];

/** Cart lines as the cart keeps them: two tees (¥99.00 each) and one bag (¥259.00). */
export const CART_LINES = {
  tee: {
    skuId: 'sku-1a',
    productId: 'p1',
    productName: '轻羽速干T恤',
    skuName: '白色 M',
    priceFen: 9900,
    quantity: 2,
    stock: 10,
  },
  bag: {
    skuId: 'sku-2a',
    productId: 'p2',
    productName: '城市通勤双肩包',
    skuName: '标准款',
    priceFen: 25900,
    quantity: 1,
    stock: 3,
  },
};

/** An order line as the API sends it: two of sku-1a at ¥99.00 each, `refunded` of them refunded. */
export const skuLine = (id: string, refunded = 0) => ({
  id,
  skuId: 'sku-1a',
  quantity: 2,
  unitPriceFen: 9900,
  amountFen: 19800,
  refundedQuantity: refunded,
  refundedFen: refunded * 9900,
});

export const STORES = [
  { id: '11111111-1111-4111-8111-111111111111', name: '上海南京西路店', city: '上海' },
  { id: '22222222-2222-4222-8222-222222222222', name: '杭州湖滨店', city: '杭州' },
];
export const REMEMBERED_ADDRESS = {
  name: '李四',
  phone: '13912345678',
  province: '浙江省',
  city: '杭州市',
  district: '上城区',
  detail: '湖滨路 8 号',
};
/** What the fulfilment picker loads: stores, the member's service store, the remembered address. */
export const FULFILMENT = {
  'GET /api/stores': STORES,
  'GET /api/members/me': {
    id: 'member-0001',
    serviceStoreId: STORES[1].id,
    serviceGuide: null,
    serviceStore: STORES[1],
  },
  'GET /api/members/me/addresses': [{ ...REMEMBERED_ADDRESS, updatedAt: '2026-11-01T00:00:00Z' }],
};

/* ---------- member page ---------- */

/** An 18-digit member code as the API issues them ('9' + 17 digits). */
export const code18 = (n: number) => `9${String(n).padStart(17, '0')}`;
export const codeFor = (n: number, validMs = 300_000) => ({
  code: code18(n),
  expiresAt: new Date(Date.now() + validMs).toISOString(),
});

const memberStore = { id: 'store-0001', name: '上海南京西路店', city: '上海' };
const unregistered = {
  id: 'member-0001',
  openid: 'o-1',
  registeredAt: null,
  openingGuideId: null,
  serviceGuideId: null,
  serviceStoreId: null,
  boundAt: null,
  createdAt: '2025-03-01T08:00:00.000Z',
  serviceGuide: null,
  serviceStore: null,
};
const bound = {
  ...unregistered,
  openingGuideId: 'guide-1',
  serviceGuideId: 'guide-1',
  serviceStoreId: memberStore.id,
  boundAt: '2025-03-01T08:00:00.000Z',
  serviceGuide: { id: 'guide-1', name: '王小美', storeId: memberStore.id, status: 'active' },
  serviceStore: memberStore,
};
const registered = { ...bound, registeredAt: '2025-03-08T02:00:00.000Z' };
const registerAnswer = {
  id: 'member-0001',
  openid: 'o-1',
  phone: '13800138000',
  registeredAt: '2025-03-08T02:00:00.000Z',
  openingGuideId: 'guide-1',
  serviceGuideId: 'guide-1',
  serviceStoreId: memberStore.id,
};
/** The member profiles of the member page tests: before 开卡, bound to a guide, registered; the 开卡 answer. */
export const MEMBER = { store: memberStore, unregistered, bound, registered, registerAnswer };
