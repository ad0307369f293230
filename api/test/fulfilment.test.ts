import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FulfilmentService } from '../src/fulfilment/fulfilment.service.js';
import { storeKey } from './support/counter.js';
import { consumer, createBrand, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { entriesOf, orderState, sql } from './support/money.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let keys: Array<{ key: string }>;

const address = {
  name: '李雷',
  phone: '13800138000',
  province: '广东省',
  city: '广州市',
  district: '天河区',
  detail: '体育西路 1 号 2 栋 301',
};

beforeAll(async () => {
  stack = await startStack({ AUTO_RECEIPT_DAYS: '5' });
  brand = await createBrand(stack);
  keys = [
    await storeKey(stack, brand.admin, brand.stores[0].id),
    await storeKey(stack, brand.admin, brand.stores[1].id),
  ];
});
afterAll(async () => stack?.close());

const post = (path: string, body: unknown, token?: string, headers?: Record<string, string>) =>
  stack.client.post(path, body, token, headers);
const pickup = (key: string, pickupCode: string) =>
  post('/api/pos/pickups', { pickupCode }, undefined, { 'x-store-key': key });

/** A consumer brought by guide 0's card orders with this fulfilment; the order as created. */
async function orderWith(fulfilment: unknown, buyer?: { token: string }) {
  const who = buyer ?? (await consumer(stack));
  const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
  await visit(stack, who.token, card.code);
  const created = await order(stack, who.token, { lines: [{ skuId: brand.product.skuId, quantity: 2 }], fulfilment });
  return { buyer: who, created };
}

async function paid(fulfilment: unknown) {
  const { buyer, created } = await orderWith(fulfilment);
  expect(created.status).toBe(201);
  expect((await payOrder(stack, buyer.token, created.body.id)).notifyStatus).toBe(204);
  const mine = await stack.client.get(`/api/orders/${created.body.id}`, buyer.token);
  return { buyer, order: mine.body };
}

/** What fulfilment must never touch: the order's money and the ledger. */
async function moneyOf(orderId: string) {
  return { state: await orderState(stack, orderId), entries: await entriesOf(stack, orderId) };
}

describe('delivery', () => {
  it('is shipped by ops with carrier and tracking number and received by the buyer, money untouched', async () => {
    const { buyer, created } = await orderWith({ type: 'delivery', address });
    expect(created.status).toBe(201);
    expect(created.body.orderNo).toMatch(/^\d{14}$/);
    expect(created.body.fulfilment).toEqual({ type: 'delivery', status: 'PENDING', address });

    // Not before it is paid.
    const early = await post(
      `/api/admin/orders/${created.body.id}/shipment`,
      { carrier: '顺丰', trackingNo: 'SF1' },
      brand.admin,
    );
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ORDER_NOT_PAID');

    await payOrder(stack, buyer.token, created.body.id);
    const before = await moneyOf(created.body.id);
    expect(before.entries).toHaveLength(1);

    // Receipt before shipping is refused.
    const notYet = await post(`/api/orders/${created.body.id}/receipt`, {}, buyer.token);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('NOT_SHIPPED');

    const shipment = { carrier: '顺丰速运', trackingNo: 'SF1234567890' };
    const shipped = await post(`/api/admin/orders/${created.body.id}/shipment`, shipment, brand.admin);
    expect(shipped.status).toBe(200);
    expect(shipped.body.fulfilment).toMatchObject({ type: 'delivery', status: 'SHIPPED', ...shipment });
    // The same shipment again changes nothing; a different one is a conflict.
    expect((await post(`/api/admin/orders/${created.body.id}/shipment`, shipment, brand.admin)).status).toBe(200);
    const other = await post(
      `/api/admin/orders/${created.body.id}/shipment`,
      { carrier: '圆通', trackingNo: 'YT9' },
      brand.admin,
    );
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('ALREADY_SHIPPED');

    // Only the buyer confirms receipt.
    const stranger = await consumer(stack);
    const foreign = await post(`/api/orders/${created.body.id}/receipt`, {}, stranger.token);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('NOT_YOUR_ORDER');
    expect((await post(`/api/orders/${created.body.id}/receipt`, {}, brand.admin)).status).toBe(403);

    const received = await post(`/api/orders/${created.body.id}/receipt`, {}, buyer.token);
    expect(received.status).toBe(200);
    expect(received.body.fulfilment).toMatchObject({ status: 'FULFILLED', ...shipment });
    expect(received.body.fulfilment.fulfilledAt).toEqual(expect.any(String));
    expect((await post(`/api/orders/${created.body.id}/receipt`, {}, buyer.token)).status).toBe(200);

    expect(await moneyOf(created.body.id)).toEqual(before);
    const [row] = await sql(stack, 'SELECT fulfilledBy FROM fulfilments WHERE orderId = ?', [created.body.id]);
    expect(row.fulfilledBy).toBe('receipt');
  });

  it('is received automatically AUTO_RECEIPT_DAYS after shipping, not before', async () => {
    const { order: o } = await paid({ type: 'delivery', address });
    const ship = await post(`/api/admin/orders/${o.id}/shipment`, { carrier: 'EMS', trackingNo: 'E1' }, brand.admin);
    const shippedAt = Date.parse(ship.body.fulfilment.shippedAt);
    const sweep = stack.app.get(FulfilmentService);
    const DAY = 86_400_000;
    await sweep.autoConfirmDue(new Date(shippedAt + 5 * DAY - 1000));
    expect((await stack.client.get(`/api/orders/${o.id}`, brand.admin)).body.fulfilment.status).toBe('SHIPPED');
    expect(await sweep.autoConfirmDue(new Date(shippedAt + 5 * DAY + 1000))).toBeGreaterThanOrEqual(1);
    const after = (await stack.client.get(`/api/orders/${o.id}`, brand.admin)).body;
    expect(after.fulfilment.status).toBe('FULFILLED');
    expect(after.status).toBe('PAID');
    const [row] = await sql(stack, 'SELECT fulfilledBy FROM fulfilments WHERE orderId = ?', [o.id]);
    expect(row.fulfilledBy).toBe('auto');
  });

  it('remembers the last delivery address for the next checkout', async () => {
    const buyer = await consumer(stack);
    expect((await stack.client.get('/api/members/me/addresses', buyer.token)).body).toEqual([]);
    await orderWith({ type: 'delivery', address }, buyer);
    const moved = { ...address, detail: '珠江新城 8 号' };
    await orderWith({ type: 'delivery', address: moved }, buyer);
    const book = await stack.client.get('/api/members/me/addresses', buyer.token);
    expect(book.status).toBe(200);
    expect(book.body).toEqual([{ ...moved, updatedAt: expect.any(String) }]);
  });
});

describe('store pickup', () => {
  it('is ready with a code only its buyer sees, handed over at the chosen store only, idempotently', async () => {
    const chosen = brand.stores[1];
    const { buyer, created } = await orderWith({ type: 'pickup', storeId: chosen.id });
    expect(created.status).toBe(201);
    expect(created.body.fulfilment).toEqual({ type: 'pickup', status: 'PENDING', storeId: chosen.id });
    await payOrder(stack, buyer.token, created.body.id);
    const before = await moneyOf(created.body.id);

    const mine = (await stack.client.get(`/api/orders/${created.body.id}`, buyer.token)).body;
    expect(mine.fulfilment).toMatchObject({ type: 'pickup', status: 'READY_FOR_PICKUP', storeId: chosen.id });
    const code: string = mine.fulfilment.pickupCode;
    expect(code).toMatch(/^\d{8}$/);
    expect((await stack.client.get('/api/orders', buyer.token)).body[0].fulfilment.pickupCode).toBe(code);
    // Staff and other consumers never see it.
    const asAdmin = (await stack.client.get(`/api/orders/${created.body.id}`, brand.admin)).body;
    expect(asAdmin.fulfilment.status).toBe('READY_FOR_PICKUP');
    expect(asAdmin.fulfilment).not.toHaveProperty('pickupCode');
    const stranger = await consumer(stack);
    expect((await stack.client.get(`/api/orders/${created.body.id}`, stranger.token)).status).toBe(403);

    // Another store's counter cannot hand it over.
    const elsewhere = await pickup(keys[0].key, code);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('PICKUP_AT_OTHER_STORE');
    expect((await pickup('not-a-key', code)).status).toBe(401);
    const unknown = await pickup(keys[1].key, code === '00000000' ? '00000001' : '00000000');
    expect(unknown.status).toBe(404);

    const handed = await pickup(keys[1].key, code);
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ id: created.body.id, status: 'PAID' });
    expect(handed.body.fulfilment).toMatchObject({ type: 'pickup', status: 'FULFILLED', storeId: chosen.id });
    expect(handed.body.fulfilment).not.toHaveProperty('pickupCode');
    const again = await pickup(keys[1].key, code);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(handed.body);
    // Once handed over, the other store still cannot claim it.
    expect((await pickup(keys[0].key, code)).status).toBe(409);

    expect(await moneyOf(created.body.id)).toEqual(before);
    const [row] = await sql(stack, 'SELECT fulfilledBy, status FROM fulfilments WHERE orderId = ?', [created.body.id]);
    expect(row).toEqual({ fulfilledBy: 'pickup', status: 'FULFILLED' });
  });

  it('has no code to hand over before payment, and concurrent hand-overs change the order once', async () => {
    const { buyer, created } = await orderWith({ type: 'pickup', storeId: brand.stores[0].id });
    const [row] = await sql(stack, 'SELECT pickupCode FROM fulfilments WHERE orderId = ?', [created.body.id]);
    expect((await pickup(keys[0].key, row.pickupCode)).status).toBe(404);
    await payOrder(stack, buyer.token, created.body.id);
    const results = await Promise.all([1, 2, 3, 4].map(() => pickup(keys[0].key, row.pickupCode)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
  });

  it('is refused for an unknown store, and bad fulfilment bodies write nothing', async () => {
    const buyer = await consumer(stack);
    const bad: unknown[] = [
      { type: 'pickup', storeId: '0195e0a0-0000-7000-8000-000000000000' },
      { type: 'pickup' },
      { type: 'delivery' },
      { type: 'delivery', address: { ...address, phone: 'call me' } },
      { type: 'delivery', address: { ...address, name: ' ' } },
      { type: 'pickup', storeId: brand.stores[0].id, address },
      { type: 'delivery', address, storeId: brand.stores[0].id },
      { type: 'courier', address },
      'pickup',
    ];
    for (const fulfilment of bad) {
      const res = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }], fulfilment });
      expect(res.status).toBe(400);
    }
    const [{ n }] = await sql(stack, 'SELECT COUNT(*) AS n FROM orders WHERE memberId = ?', [buyer.memberId]);
    expect(Number(n)).toBe(0);
  });
});

describe('the console finds orders by fulfilment and by order number', () => {
  it('lists the to-ship queue (paid deliveries still PENDING) and finds an order by its orderNo', async () => {
    const toShip = (await paid({ type: 'delivery', address })).order;
    const shipped = (await paid({ type: 'delivery', address })).order;
    await post(`/api/admin/orders/${shipped.id}/shipment`, { carrier: 'EMS', trackingNo: 'E2' }, brand.admin);
    const pickupOrder = (await paid({ type: 'pickup', storeId: brand.stores[0].id })).order;
    const unpaid = (await orderWith({ type: 'delivery', address })).created.body;

    const ids = async (query: string) => {
      const res = await stack.client.get(`/api/admin/orders?pageSize=200&${query}`, brand.admin);
      expect(res.status).toBe(200);
      return res.body.items.map((o: { id: string }) => o.id) as string[];
    };
    const queue = await ids('status=PAID&fulfilmentType=delivery&fulfilmentStatus=PENDING');
    expect(queue).toContain(toShip.id);
    for (const other of [shipped.id, pickupOrder.id, unpaid.id]) expect(queue).not.toContain(other);
    expect(await ids('fulfilmentStatus=SHIPPED')).toContain(shipped.id);
    const ready = await ids('fulfilmentType=pickup&fulfilmentStatus=READY_FOR_PICKUP');
    expect(ready).toContain(pickupOrder.id);
    expect(ready).not.toContain(toShip.id);

    expect(await ids(`orderNo=${toShip.orderNo}`)).toEqual([toShip.id]);
    const bad = await stack.client.get('/api/admin/orders?fulfilmentStatus=LOST', brand.admin);
    expect(bad.status).toBe(400);
  });
});
