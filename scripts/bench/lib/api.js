// A small HTTP client for setting the stage through the API, the way an operator would.
import { randomUUID } from 'node:crypto';

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(
      `${method} ${path} → ${status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300)}`,
    );
    this.status = status;
    this.body = body;
  }
}

export function client(baseUrl) {
  async function call(method, path, { body, token, headers = {}, raw = false, timeoutMs = 60_000 } = {}) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (raw) return res;
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
  const expect = async (want, method, path, opts) => {
    const res = await call(method, path, opts);
    if (!(Array.isArray(want) ? want : [want]).includes(res.status))
      throw new HttpError(method, path, res.status, res.body);
    return res.body;
  };
  return { call, expect, url: baseUrl };
}

/**
 * A brand through the admin API: two stores, three guides (WeCom login through the simulator), a
 * category, products with deep stock, a counter key, share codes and a pool of logged-in consumers.
 */
export async function setupBrand(api, { admin, consumers = 200, skus = 4, stock = 10_000_000 }) {
  const { token: adminToken } = await api.expect(200, 'POST', '/api/auth/staff', { body: admin });
  const stores = [];
  for (const [name, city] of [
    ['上海旗舰店', '上海'],
    ['杭州店', '杭州'],
  ])
    stores.push(await api.expect(201, 'POST', '/api/admin/stores', { body: { name, city }, token: adminToken }));
  const guides = [];
  for (const [i, store] of [stores[0], stores[0], stores[1]].entries()) {
    const wecomUserId = `bench-g${i}`;
    const guide = await api.expect(201, 'POST', '/api/admin/guides', {
      body: { storeId: store.id, name: `导购${i}`, wecomUserId },
      token: adminToken,
    });
    const login = await api.expect(200, 'POST', '/api/auth/guide', {
      body: { code: `${wecomUserId}.${randomUUID()}` },
    });
    guides.push({ ...guide, token: login.token });
  }
  const category = await api.expect(201, 'POST', '/api/admin/categories', {
    body: { name: '护肤', commissionRateBps: 500 },
    token: adminToken,
  });
  const products = [];
  for (let i = 0; i < skus; i++) {
    products.push(
      await api.expect(201, 'POST', '/api/admin/products', {
        body: {
          name: `精华${i}`,
          categoryId: category.id,
          commissionRateBps: 800,
          skus: [{ name: '30ml', priceFen: 10_000, stock }],
        },
        token: adminToken,
      }),
    );
  }
  const shares = [];
  for (const [i, g] of guides.entries()) {
    for (const p of products.slice(0, 2))
      shares.push(
        await api.expect(201, 'POST', '/api/shares', { body: { kind: 'product', targetId: p.id }, token: g.token }),
      );
    if (i === 0)
      shares.push(
        await api.expect(201, 'POST', '/api/shares', { body: { kind: 'store', targetId: g.storeId }, token: g.token }),
      );
  }
  const login = async (prefix) => {
    const pool = [];
    for (let i = 0; i < consumers; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, consumers - i) }, (_, j) =>
          api.expect(200, 'POST', '/api/auth/wechat', { body: { code: `${prefix}${i + j}.${randomUUID()}` } }),
        ),
      );
      pool.push(...batch.map((b) => ({ token: b.token, memberId: b.member.id, openid: b.member.openid })));
    }
    return pool;
  };
  // Separate people for separate benchmarks, so that one benchmark's touches do not load the next.
  const visitors = await login('bench-v');
  const buyers = await login('bench-b');
  // Buyers came in through a guide's card, as campaign buyers do: their sales are attributed (rule
  // `share`) and accrue commission, online and at the counter.
  for (let i = 0; i < buyers.length; i += 20) {
    await Promise.all(
      buyers.slice(i, i + 20).map((b, j) =>
        api.expect(202, 'POST', '/api/visits', {
          body: { shareCode: shares[(i + j) % shares.length].code, scene: 1007, chatType: 1 },
          token: b.token,
        }),
      ),
    );
  }
  const counterKey = await api.expect(201, 'POST', `/api/admin/stores/${stores[0].id}/keys`, { token: adminToken });
  return {
    adminToken,
    stores,
    guides,
    category,
    skus: products.map((p) => ({ productId: p.id, skuId: p.skus[0].id, priceFen: p.skus[0].priceFen })),
    shares,
    /** consumers who open shared cards (visit benchmark) */
    consumers: visitors,
    /** consumers who buy online and at the counter (order and redemption benchmarks) */
    buyers,
    counterKey: counterKey.key,
  };
}

/** True when the API has no such route (Nest: 404 "Cannot POST /api/…"), as opposed to a 404 about data. */
export function routeMissing(res) {
  const message = res?.body?.error?.message ?? (typeof res?.body === 'string' ? res.body : '');
  return res.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(message);
}
