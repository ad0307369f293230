import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { withSql } from './support/database.js';
import { consumer, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { otherPrivateKeyPem, postNotify, signedNotification, transactionResource } from './support/notify.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({ productRateBps: 800 }, (s) => ({ stack, brand } = s));

const count = (table: string, where = '1=1') =>
  withSql(stack.databaseUrl, async (c) =>
    Number(((await c.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)) as any)[0][0].n),
  );

describe('share → visit → order → pay → notify → credited → accrued', () => {
  it('credits the sharing guide and accrues commission once, at the product rate', async () => {
    const [guide] = brand.guides;
    const card = await share(stack, guide.token, 'product', brand.product.id);
    expect(card.code).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(card.scene.length).toBeLessThanOrEqual(32);
    expect(card.path).toContain(`s=${card.code}`);

    const buyer = await consumer(stack);
    await visit(stack, buyer.token, card.code);

    const created = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 2 }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'PENDING_PAYMENT', totalFen: 20000, channel: 'online' });
    expect(created.body.lines[0]).toMatchObject({ quantity: 2, unitPriceFen: 10000, amountFen: 20000 });
    expect(created.body.attribution).toMatchObject({
      guideId: guide.id,
      storeId: guide.storeId,
      rule: 'share',
      shareCode: card.code,
      policyVersion: 1,
    });

    const { prepay, notifyStatus } = await payOrder(stack, buyer.token, created.body.id);
    expect(prepay).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    expect(notifyStatus).toBe(204);

    const paid = await stack.client.get(`/api/orders/${created.body.id}`, buyer.token);
    expect(paid.body.status).toBe('PAID');
    expect(paid.body.paidFen).toBe(20000);

    const mine = await stack.client.get('/api/guides/me/commissions', guide.token);
    expect(mine.status).toBe(200);
    const entries = mine.body.entries.filter((e: any) => e.orderId === created.body.id);
    expect(entries).toEqual([
      expect.objectContaining({ kind: 'accrual', amountFen: 1600, rateBps: 800, settlementId: null }),
    ]);
    expect(mine.body.pendingFen).toBeGreaterThanOrEqual(1600);
    // Available after the 7 cooling-off days of policy version 1.
    const availableIn = new Date(entries[0].availableAt).getTime() - new Date(paid.body.paidAt).getTime();
    expect(availableIn).toBe(7 * 86_400_000);
  });

  it('binds the first guide as service guide, and the last touch wins between two guides', async () => {
    const [first, second] = brand.guides;
    const a = await share(stack, first.token, 'product', brand.product.id);
    const b = await share(stack, second.token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    await visit(stack, buyer.token, a.code);
    await visit(stack, buyer.token, b.code);
    const created = await order(stack, buyer.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 3 }] });
    expect(created.body.attribution).toMatchObject({ guideId: second.id, rule: 'share', shareCode: b.code });
    const member = await withSql(
      stack.databaseUrl,
      async (c) => ((await c.query('SELECT * FROM members WHERE id = ?', [buyer.memberId])) as any)[0][0],
    );
    expect(member.serviceGuideId).toBe(first.id);
    expect(member.openingGuideId).toBe(first.id);

    await payOrder(stack, buyer.token, created.body.id);
    // 3 × 3333 = 9999 fen at the category rate 500 bps = 499.95 → 499 (rounded down).
    const second_ = await stack.client.get('/api/guides/me/commissions', second.token);
    expect(second_.body.entries.find((e: any) => e.orderId === created.body.id)).toMatchObject({
      amountFen: 499,
      rateBps: 500,
    });
    const first_ = await stack.client.get('/api/guides/me/commissions', first.token);
    expect(first_.body.entries.some((e: any) => e.orderId === created.body.id)).toBe(false);
  });

  it('falls back to the service guide without a recent touch, at the service rate', async () => {
    const [guide] = brand.guides;
    const card = await share(stack, guide.token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    await visit(stack, buyer.token, card.code);
    // Age the touch past the 7-day window, directly in the database.
    await withSql(stack.databaseUrl, (c) =>
      c.query('UPDATE visits SET visitedAt = DATE_SUB(visitedAt, INTERVAL 8 DAY) WHERE memberId = ?', [buyer.memberId]),
    );
    const created = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    expect(created.body.attribution).toMatchObject({ guideId: guide.id, rule: 'service_guide', shareCode: null });
    expect(created.body.lines[0].amountFen).toBe(10000);
  });

  it('credits nobody when the consumer never met a guide', async () => {
    const buyer = await consumer(stack);
    const created = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    expect(created.body.attribution).toMatchObject({ guideId: null, rule: 'none' });
    await payOrder(stack, buyer.token, created.body.id);
    expect(await count('ledger_entries', `orderId = '${created.body.id}'`)).toBe(0);
  });
});

describe('payment notifications', () => {
  async function unpaidOrder() {
    const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    await visit(stack, buyer.token, card.code);
    const created = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    const prepay = await stack.client.post(`/api/orders/${created.body.id}/payment`, {}, buyer.token);
    expect(prepay.status).toBe(200);
    return { buyer, orderId: created.body.id as string, outTradeNo: prepay.body.outTradeNo as string };
  }

  const state = async (orderId: string) => ({
    status: await withSql(
      stack.databaseUrl,
      async (c) => ((await c.query('SELECT status FROM orders WHERE id = ?', [orderId])) as any)[0][0].status,
    ),
    payments: await count('payments', `orderId = '${orderId}'`),
    ledger: await count('ledger_entries', `orderId = '${orderId}'`),
  });

  it('gives one payment and one accrual for 12 concurrent repeats of one notification', async () => {
    const { buyer, orderId, outTradeNo } = await unpaidOrder();
    const notification = signedNotification(transactionResource(outTradeNo, 10000, buyer.openid));
    const replies = await Promise.all(Array.from({ length: 12 }, () => postNotify(stack, notification)));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(204));
    expect(await state(orderId)).toEqual({ status: 'PAID', payments: 1, ledger: 1 });
    const sum = await withSql(stack.databaseUrl, async (c) =>
      Number(
        ((await c.query('SELECT SUM(amountFen) AS s FROM ledger_entries WHERE orderId = ?', [orderId])) as any)[0][0].s,
      ),
    );
    expect(sum).toBe(800);
  });

  it('refuses a changed body, a stale timestamp, another key and a wrong amount, changing nothing', async () => {
    const { buyer, orderId, outTradeNo } = await unpaidOrder();
    const good = transactionResource(outTradeNo, 10000, buyer.openid);

    const tampered = signedNotification(good);
    const changedBody = {
      headers: tampered.headers,
      body: tampered.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '),
    };
    const stale = signedNotification(good, { now: Date.now() - 301_000 });
    const otherKey = signedNotification(good, { platformPrivateKeyPem: otherPrivateKeyPem() });
    const wrongAmount = signedNotification(transactionResource(outTradeNo, 9999, buyer.openid));
    const wrongMerchant = signedNotification(
      transactionResource(outTradeNo, 10000, buyer.openid, { mchid: '1230000109' }),
    );
    const wrongSerial = { headers: { ...tampered.headers, 'Wechatpay-Serial': 'FFFF' }, body: tampered.body };

    for (const bad of [changedBody, stale, otherKey, wrongAmount, wrongMerchant, wrongSerial]) {
      const reply = await postNotify(stack, bad);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.body).toMatchObject({ code: 'FAIL', message: expect.any(String) });
      expect(await state(orderId)).toEqual({ status: 'PENDING_PAYMENT', payments: 0, ledger: 0 });
    }
    // The genuine notification still goes through afterwards.
    expect((await postNotify(stack, signedNotification(good))).status).toBe(204);
    expect(await state(orderId)).toEqual({ status: 'PAID', payments: 1, ledger: 1 });
  });
});

describe('bad input writes nothing', () => {
  const totals = async () => ({
    orders: await count('orders'),
    visits: await count('visits'),
    shares: await count('shares'),
    stock: await withSql(stack.databaseUrl, async (c) =>
      Number(((await c.query('SELECT SUM(stock) AS s FROM skus')) as any)[0][0].s),
    ),
  });

  it('rejects a forged or altered share code with SHARE_CODE_INVALID', async () => {
    const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
    const buyer = await consumer(stack);
    const before = await totals();
    const last = card.code.at(-1) === 'A' ? 'B' : 'A';
    for (const code of [`${card.code.slice(0, -1)}${last}`, 'A'.repeat(22), 'not-a-code', `${card.code}x`]) {
      const res = await stack.client.post('/api/visits', { shareCode: code }, buyer.token);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('SHARE_CODE_INVALID');
      const o = await order(stack, buyer.token, {
        lines: [{ skuId: brand.product.skuId, quantity: 1 }],
        shareCode: code,
      });
      expect(o.status).toBe(400);
      expect(o.body.error.code).toBe('SHARE_CODE_INVALID');
    }
    expect(await totals()).toEqual(before);
  });

  it('rejects an unknown body field and a negative quantity with VALIDATION_FAILED naming the field', async () => {
    const buyer = await consumer(stack);
    const before = await totals();
    const unknown = await order(stack, buyer.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1 }],
      discountFen: 500,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(unknown.body.error.details.map((d: any) => d.field)).toContain('discountFen');
    const negative = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: -1 }] });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.map((d: any) => d.field)).toContain('lines.0.quantity');
    const nested = await order(stack, buyer.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1, priceFen: 1 }],
    });
    expect(nested.status).toBe(400);
    expect(await totals()).toEqual(before);
  });

  it('answers 401 without a token and 403 for the wrong role', async () => {
    const buyer = await consumer(stack);
    const before = await totals();
    const noToken = await stack.client.post(
      '/api/orders',
      { lines: [{ skuId: brand.product.skuId, quantity: 1 }] },
      undefined,
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.code).toBe('UNAUTHORIZED');
    const badToken = await stack.client.get('/api/guides/me/commissions', 'x.y.z');
    expect(badToken.status).toBe(401);
    const guideOrders = await order(stack, brand.guides[0].token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1 }],
    });
    expect(guideOrders.status).toBe(403);
    expect(guideOrders.body.error.code).toBe('FORBIDDEN');
    const consumerShares = await stack.client.post(
      '/api/shares',
      { kind: 'product', targetId: brand.product.id },
      buyer.token,
    );
    expect(consumerShares.status).toBe(403);
    const consumerAdmin = await stack.client.post('/api/admin/stores', { name: 'x', city: 'y' }, buyer.token);
    expect(consumerAdmin.status).toBe(403);
    expect(await totals()).toEqual(before);
  });

  it("forbids reading someone else's order", async () => {
    const owner = await consumer(stack);
    const other = await consumer(stack);
    const created = await order(stack, owner.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] });
    expect((await stack.client.get(`/api/orders/${created.body.id}`, other.token)).status).toBe(403);
    expect((await stack.client.post(`/api/orders/${created.body.id}/payment`, {}, other.token)).status).toBe(403);
  });
});

describe('idempotent order creation', () => {
  it('returns the same order for the same key and body, 409 for another body', async () => {
    const buyer = await consumer(stack);
    const key = `order-${randomUUID()}`;
    const body = { lines: [{ skuId: brand.cheap.skuId, quantity: 2 }] };
    const first = await order(stack, buyer.token, body, key);
    expect(first.status).toBe(201);
    const again = await order(stack, buyer.token, body, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const changed = await order(stack, buyer.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 3 }] }, key);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('orders', `memberId = '${buyer.memberId}'`)).toBe(1);
  });

  it('gives one order and one stock reservation for 10 concurrent retries', async () => {
    const buyer = await consumer(stack);
    const key = `order-${randomUUID()}`;
    const stockBefore = (await stack.client.get(`/api/products/${brand.cheap.id}`)).body.skus[0].stock;
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        order(stack, buyer.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] }, key),
      ),
    );
    expect(replies.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(await count('orders', `memberId = '${buyer.memberId}'`)).toBe(1);
    const stockAfter = (await stack.client.get(`/api/products/${brand.cheap.id}`)).body.skus[0].stock;
    expect(stockBefore - stockAfter).toBe(1);
  });

  it('requires an Idempotency-Key', async () => {
    const buyer = await consumer(stack);
    const res = await stack.client.post(
      '/api/orders',
      { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] },
      buyer.token,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });
});
