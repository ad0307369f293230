import { describe, expect, it } from '@jest/globals';
import {
  client,
  failure,
  newSim,
  order,
  received,
  rejected,
  sim,
  usePayHarness,
  waitFor,
} from './testing/pay-harness.js';

usePayHarness();

describe('payment and notification', () => {
  it('sim.pay marks the order paid and delivers a verifiable TRANSACTION.SUCCESS', async () => {
    await newSim();
    const pay = client();
    await pay.prepayJsapi(order('GS_ORDER_0006', 12345, { attach: 'g=G1' }));
    expect((await pay.queryByOutTradeNo('GS_ORDER_0006')).trade_state).toBe('NOTPAY');
    expect(await sim.pay('GS_ORDER_0006')).toBe(204);
    const t = await pay.queryByOutTradeNo('GS_ORDER_0006');
    expect(t).toMatchObject({
      trade_state: 'SUCCESS',
      out_trade_no: 'GS_ORDER_0006',
      amount: { total: 12345, payer_total: 12345, currency: 'CNY' },
      attach: 'g=G1',
    });
    expect(t.transaction_id).toMatch(/^4200\d{24}$/);
    expect(received).toHaveLength(1);
    expect(received[0]!.envelope).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      resource: { original_type: 'transaction' },
    });
    expect(received[0]!.resource).toMatchObject({
      out_trade_no: 'GS_ORDER_0006',
      transaction_id: t.transaction_id,
      trade_state: 'SUCCESS',
      payer: { openid: sim.user('alice').openid },
    });
    // Paying again re-delivers the same transaction: a duplicate notification.
    expect(await sim.pay('GS_ORDER_0006')).toBe(204);
    expect(received[1]!.resource.transaction_id).toBe(t.transaction_id);
    expect(await failure(pay.prepayJsapi(order('GS_ORDER_0006')))).toEqual({ status: 400, code: 'ORDERPAID' });
  });

  it('the notify status is reported (4xx from the merchant, 0 when unreachable)', async () => {
    await newSim();
    await client().prepayJsapi(order('GS_ORDER_0007'));
    expect(await sim.pay('GS_ORDER_0007', { notifyUrl: 'http://127.0.0.1:1/unreachable' })).toBe(0);
    expect(sim.state.notifications.at(-1)).toMatchObject({ status: 0, eventType: 'TRANSACTION.SUCCESS' });
    const n = sim.transactionNotification('GS_ORDER_0007');
    const forged = await fetch(n.url, {
      method: 'POST',
      headers: n.headers,
      body: n.body.replace('encrypt-resource', 'encrypt-resourcE'),
    });
    expect(forged.status).toBe(401);
    expect(rejected).toEqual(['SIGNATURE_INVALID']);
  });

  it('POST /sim/pay pays over HTTP (browser demo)', async () => {
    await newSim();
    await client().prepayJsapi(order('GS_ORDER_0008'));
    const res = await fetch(`${sim.url}/sim/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ out_trade_no: 'GS_ORDER_0008' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toMatchObject({ notify_status: 204, trade_state: 'SUCCESS' });
    const missing = await fetch(`${sim.url}/sim/pay`, {
      method: 'POST',
      body: JSON.stringify({ out_trade_no: 'NOPE_000' }),
    });
    expect(missing.status).toBe(409);
  });

  it('closeOrder makes an unpaid order unpayable', async () => {
    await newSim();
    const pay = client();
    await pay.prepayJsapi(order('GS_ORDER_0009'));
    await pay.closeOrder('GS_ORDER_0009');
    expect((await pay.queryByOutTradeNo('GS_ORDER_0009')).trade_state).toBe('CLOSED');
    await expect(sim.pay('GS_ORDER_0009')).rejects.toThrow(/closed/);
    expect(await failure(pay.queryByOutTradeNo('GS_NO_SUCH_ORDER'))).toEqual({ status: 404, code: 'ORDER_NOT_EXIST' });
  });

  it('autoNotify pays new orders and settles new refunds by itself', async () => {
    await newSim({ autoNotify: true });
    const pay = client();
    await pay.prepayJsapi(order('GS_ORDER_0010', 500));
    await waitFor(() => received.length === 1);
    await pay.createRefund({
      out_trade_no: 'GS_ORDER_0010',
      out_refund_no: 'GS_REFUND_0010',
      amount: { refund: 500, total: 500, currency: 'CNY' },
    });
    await waitFor(() => received.length === 2);
    expect(received[1]!.resource).toMatchObject({ refund_status: 'SUCCESS', out_refund_no: 'GS_REFUND_0010' });
  });
});

describe('refunds', () => {
  async function paidOrder(no: string, total: number) {
    await client().prepayJsapi(order(no, total));
    await sim.pay(no);
  }

  it('creates a refund once per out_refund_no and never beyond the paid amount', async () => {
    await newSim();
    const pay = client();
    await paidOrder('GS_ORDER_0020', 1000);
    const refund = {
      out_trade_no: 'GS_ORDER_0020',
      out_refund_no: 'GS_REFUND_A',
      reason: '退货',
      amount: { refund: 600, total: 1000, currency: 'CNY' as const },
    };
    const r1 = await pay.createRefund(refund);
    expect(r1).toMatchObject({
      status: 'PROCESSING',
      out_refund_no: 'GS_REFUND_A',
      amount: { refund: 600, total: 1000 },
    });
    const [r2, r3] = await Promise.all([pay.createRefund(refund), pay.createRefund(refund)]);
    expect(r2.refund_id).toBe(r1.refund_id);
    expect(r3.refund_id).toBe(r1.refund_id);
    expect(sim.state.refundRequests).toBe(1);
    expect(
      await failure(
        pay.createRefund({ ...refund, out_refund_no: 'GS_REFUND_B', amount: { ...refund.amount, refund: 401 } }),
      ),
    ).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    expect(
      await failure(
        pay.createRefund({ ...refund, out_refund_no: 'GS_REFUND_B', amount: { ...refund.amount, total: 999 } }),
      ),
    ).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await failure(pay.createRefund({ ...refund, amount: { ...refund.amount, refund: 100 } }))).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
    });
    const byTxn = await pay.createRefund({
      transaction_id: r1.transaction_id,
      out_refund_no: 'GS_REFUND_C',
      amount: { refund: 400, total: 1000, currency: 'CNY' },
    });
    expect(byTxn.out_trade_no).toBe('GS_ORDER_0020');
    expect(sim.state.refundRequests).toBe(2);
  });

  it('refuses to refund an unpaid order', async () => {
    await newSim();
    await client().prepayJsapi(order('GS_ORDER_0021', 1000));
    expect(
      await failure(
        client().createRefund({
          out_trade_no: 'GS_ORDER_0021',
          out_refund_no: 'GS_REFUND_D',
          amount: { refund: 1, total: 1000, currency: 'CNY' },
        }),
      ),
    ).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
    });
  });

  it('completeRefund sends REFUND.<status> with refund_status; a CLOSED refund frees its amount', async () => {
    await newSim();
    const pay = client();
    await paidOrder('GS_ORDER_0022', 1000);
    await pay.createRefund({
      out_trade_no: 'GS_ORDER_0022',
      out_refund_no: 'GS_REFUND_E',
      amount: { refund: 1000, total: 1000, currency: 'CNY' },
    });
    expect(await sim.completeRefund('GS_REFUND_E', 'CLOSED')).toBe(204);
    expect(received.at(-1)!.envelope.event_type).toBe('REFUND.CLOSED');
    expect(received.at(-1)!.resource).toMatchObject({
      refund_status: 'CLOSED',
      out_refund_no: 'GS_REFUND_E',
      amount: { refund: 1000, total: 1000 },
    });
    expect(received.at(-1)!.resource.status).toBeUndefined();
    await expect(sim.completeRefund('GS_REFUND_E', 'SUCCESS')).rejects.toThrow(/already CLOSED/);
    await pay.createRefund({
      out_trade_no: 'GS_ORDER_0022',
      out_refund_no: 'GS_REFUND_F',
      amount: { refund: 1000, total: 1000, currency: 'CNY' },
    });
    const res = await fetch(`${sim.url}/sim/refunds/complete`, {
      method: 'POST',
      body: JSON.stringify({ out_refund_no: 'GS_REFUND_F', status: 'SUCCESS' }),
    });
    expect(await res.json()).toMatchObject({ notify_status: 204, status: 'SUCCESS' });
    expect(received.at(-1)!.envelope.event_type).toBe('REFUND.SUCCESS');
    expect(received.at(-1)!.resource.success_time).toMatch(/\+08:00$/);
    expect(await pay.queryRefund('GS_REFUND_F')).toMatchObject({ status: 'SUCCESS' });
    expect((await pay.queryByOutTradeNo('GS_ORDER_0022')).trade_state).toBe('REFUND');
    expect(sim.refundNotification('GS_REFUND_F').body).toContain('encrypt-resource');
  });
});
