// Cancelling or expiring an unpaid order closes its WeChat Pay transaction first, and a
// payment that still arrives for a cancelled order never oversells.
import { describe, expect, it } from '@jest/globals';
import { UnpaidOrders } from '../src/payments/unpaid-orders.service.js';
import { consumer, order, type Brand } from './support/fixtures.js';
import { entriesOf, orderState, sql } from './support/money.js';
import { postNotify } from './support/notify.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({}, (s) => ({ stack, brand } = s));

const UNREACHABLE = 'http://127.0.0.1:9/unreachable';
const skuId = () => brand.product.skuId;
const setStock = (n: number) => sql(stack, 'UPDATE skus SET stock = ? WHERE id = ?', [n, skuId()]);
const stock = async () => Number((await sql(stack, 'SELECT stock FROM skus WHERE id = ?', [skuId()]))[0].stock);
/** Units of the SKU on orders whose money the brand keeps (paid, not refunded). */
const unitsSold = async () =>
  Number(
    (
      await sql(
        stack,
        "SELECT COALESCE(SUM(l.quantity), 0) AS n FROM order_lines l JOIN orders o ON o.id = l.orderId WHERE l.skuId = ? AND o.status IN ('PAID', 'PARTIALLY_REFUNDED')",
        [skuId()],
      )
    )[0].n,
  );

/** An unpaid order of `quantity` units with a WeChat Pay prepay (the payer has the pay sheet open). */
async function prepaid(quantity: number) {
  const buyer = await consumer(stack);
  const created = await order(stack, buyer.token, { lines: [{ skuId: skuId(), quantity }] });
  expect(created.status).toBe(201);
  const prepay = await stack.client.post(`/api/orders/${created.body.id}/payment`, {}, buyer.token);
  expect(prepay.status).toBe(200);
  return { buyer, id: created.body.id as string, outTradeNo: prepay.body.outTradeNo as string };
}

const tradeState = (outTradeNo: string) => stack.sim.state.transactions.get(outTradeNo)?.trade_state;

/** What a cancel from before this fix left behind: the order CANCELLED and its stock given back. */
async function cancelledBehindWechatsBack(id: string, quantity: number) {
  await sql(stack, "UPDATE orders SET status = 'CANCELLED' WHERE id = ?", [id]);
  await sql(stack, 'UPDATE skus SET stock = stock + ? WHERE id = ?', [quantity, skuId()]);
}

describe('cancel and expiry close the WeChat Pay transaction first', () => {
  it('stock 5: a cancelled order can no longer be paid, so 8 units are never sold', async () => {
    await setStock(5);
    const a = await prepaid(5);
    const cancelled = await stack.client.post(`/api/orders/${a.id}/cancel`, {}, a.buyer.token);
    expect(cancelled.status).toBe(201);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(await stock()).toBe(5);
    expect(tradeState(a.outTradeNo)).toBe('CLOSED');

    const b = await prepaid(3);
    expect((await stack.sim.pay(b.outTradeNo)) as number).toBe(204);
    // The payer still has A's pay sheet open and confirms: WeChat refuses a closed order.
    await expect(stack.sim.pay(a.outTradeNo)).rejects.toThrow(/closed/);
    expect((await orderState(stack, a.id)).status).toBe('CANCELLED');
    expect(await unitsSold()).toBe(3);
    expect(await stock()).toBe(2);
  });

  it('refuses to cancel an order WeChat Pay has already taken the money for, and keeps its stock', async () => {
    await setStock(5);
    const c = await prepaid(2);
    // Paid at WeChat; the notification is on its way.
    expect(await stack.sim.pay(c.outTradeNo, { notifyUrl: UNREACHABLE })).toBe(0);
    const cancel = await stack.client.post(`/api/orders/${c.id}/cancel`, {}, c.buyer.token);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('ORDER_ALREADY_PAID');
    expect(await stock()).toBe(3);
    expect((await postNotify(stack, stack.sim.transactionNotification(c.outTradeNo))).status).toBe(204);
    expect((await orderState(stack, c.id)).status).toBe('PAID');
  });

  it('the expiry sweep closes the transaction of each order it cancels', async () => {
    await setStock(5);
    const d = await prepaid(1);
    await sql(stack, 'UPDATE orders SET createdAt = DATE_SUB(createdAt, INTERVAL 3 HOUR) WHERE id = ?', [d.id]);
    expect(await stack.app.get(UnpaidOrders).expireUnpaid()).toBeGreaterThanOrEqual(1);
    expect((await orderState(stack, d.id)).status).toBe('CANCELLED');
    expect(tradeState(d.outTradeNo)).toBe('CLOSED');
    await expect(stack.sim.pay(d.outTradeNo)).rejects.toThrow(/closed/);
  });
});

describe('a payment that still arrives for a cancelled order', () => {
  it('is kept when its stock can be taken again: the order is paid and the stock goes down', async () => {
    await setStock(5);
    const e = await prepaid(2);
    expect(await stack.sim.pay(e.outTradeNo, { notifyUrl: UNREACHABLE })).toBe(0);
    await cancelledBehindWechatsBack(e.id, 2);
    expect(await stock()).toBe(5);
    expect((await postNotify(stack, stack.sim.transactionNotification(e.outTradeNo))).status).toBe(204);
    expect(await orderState(stack, e.id)).toEqual({ status: 'PAID', paidFen: 20000, refundedFen: 0 });
    expect(await stock()).toBe(3);
    expect((await stack.client.get(`/api/orders/${e.id}/refunds`, brand.admin)).body).toEqual([]);
  });

  it('is refunded in full, automatically and visibly, when the stock is gone; never oversold', async () => {
    await setStock(5);
    const f = await prepaid(5);
    expect(await stack.sim.pay(f.outTradeNo, { notifyUrl: UNREACHABLE })).toBe(0);
    await cancelledBehindWechatsBack(f.id, 5);
    const g = await prepaid(4);
    expect(await stack.sim.pay(g.outTradeNo)).toBe(204);
    expect(await stock()).toBe(1);
    const sold = await unitsSold();

    // F's payment arrives: 5 units cannot be taken from 1.
    expect((await postNotify(stack, stack.sim.transactionNotification(f.outTradeNo))).status).toBe(204);
    expect(await stock()).toBe(1);
    expect(await unitsSold()).toBe(sold);
    expect(await orderState(stack, f.id)).toEqual({ status: 'CANCELLED', paidFen: 50000, refundedFen: 0 });
    const refunds = (await stack.client.get(`/api/orders/${f.id}/refunds`, brand.admin)).body;
    expect(refunds).toEqual([
      expect.objectContaining({
        amountFen: 50000,
        status: 'PROCESSING',
        reason: expect.stringContaining('自动全额退款'),
      }),
    ]);
    expect(refunds[0].refundId).toMatch(/\S/); // submitted to WeChat Pay
    // A repeat of the notification changes nothing (one refund).
    expect((await postNotify(stack, stack.sim.transactionNotification(f.outTradeNo))).status).toBe(204);
    expect((await stack.client.get(`/api/orders/${f.id}/refunds`, brand.admin)).body).toHaveLength(1);

    expect(await stack.sim.completeRefund(refunds[0].outRefundNo, 'SUCCESS')).toBe(204);
    expect(await orderState(stack, f.id)).toEqual({ status: 'REFUNDED', paidFen: 50000, refundedFen: 50000 });
    const view = await stack.client.get(`/api/orders/${f.id}`, f.buyer.token);
    expect(view.body.status).toBe('REFUNDED');
    // The guide never earned on it.
    expect(await entriesOf(stack, f.id)).toEqual([]);
  });
});
