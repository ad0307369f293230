import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { cstDate } from './time.js';
import { parseTradeBill } from './tradebill-parse.js';
import { client, failure, K, newSim, notifyUrl, order, sim, usePayHarness } from './testing/pay-harness.js';

usePayHarness();

describe('prepay', () => {
  it('returns a prepay_id, the same one for a repeated out_trade_no', async () => {
    await newSim();
    const pay = client();
    const a = await pay.prepayJsapi(order('GS_ORDER_0001'));
    expect(a.prepay_id).toMatch(/^wx\d{14}\d+$/);
    expect(await pay.prepayJsapi(order('GS_ORDER_0001'))).toEqual(a);
    expect(sim.state.prepayRequests).toBe(1);
    expect(await failure(pay.prepayJsapi(order('GS_ORDER_0001', 999)))).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
    });
    const params = pay.paymentParams(K.appId, a.prepay_id);
    expect(params).toMatchObject({ package: `prepay_id=${a.prepay_id}`, signType: 'RSA' });
  });

  it('is SIGN_ERROR (401) for a wrong merchant key or serial', async () => {
    await newSim();
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(await failure(client({ privateKeyPem: otherKey }).prepayJsapi(order('GS_ORDER_0002')))).toEqual({
      status: 401,
      code: 'SIGN_ERROR',
    });
    expect(await failure(client({ serialNo: 'ABCDEF' }).prepayJsapi(order('GS_ORDER_0002')))).toEqual({
      status: 401,
      code: 'SIGN_ERROR',
    });
    expect(await failure(client({ mchid: '1234567890' }).queryByOutTradeNo('GS_ORDER_0002'))).toEqual({
      status: 401,
      code: 'SIGN_ERROR',
    });
    // A merchant clock more than 5 minutes off is refused like a forged signature.
    expect(await failure(client({ now: () => Date.now() - 600_000 }).prepayJsapi(order('GS_ORDER_0002')))).toEqual({
      status: 401,
      code: 'SIGN_ERROR',
    });
    expect(sim.state.prepayRequests).toBe(0);
  });

  it('validates appid, amount, out_trade_no and notify_url', async () => {
    await newSim();
    const pay = client();
    expect(await failure(pay.prepayJsapi(order('GS_ORDER_0003', 0)))).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await failure(pay.prepayJsapi(order('GS_ORDER_0003', 1.5)))).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await failure(pay.prepayJsapi(order('GS_ORDER_0003', 100, { appid: 'wxother' })))).toEqual({
      status: 400,
      code: 'APPID_MCHID_NOT_MATCH',
    });
    expect(await failure(pay.prepayJsapi(order('short')))).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await failure(pay.prepayJsapi(order('GS_ORDER_0003', 100, { notify_url: `${notifyUrl}?x=1` })))).toEqual({
      status: 400,
      code: 'PARAM_ERROR',
    });
    expect(
      await failure(pay.prepayJsapi(order('GS_ORDER_0003', 100, { time_expire: '2000-01-01T00:00:00+08:00' }))),
    ).toEqual({ status: 400, code: 'PARAM_ERROR' });
  });
});

describe('response signatures', () => {
  it('rejects simulator responses when the client holds another platform key or serial', async () => {
    await newSim();
    const otherPub = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(await failure(client({ platformPublicKeyPem: otherPub }).prepayJsapi(order('GS_ORDER_0004')))).toEqual({
      code: 'SIGNATURE_INVALID',
    });
    expect(await failure(client({ platformSerial: 'PUB_KEY_ID_OTHER' }).queryByOutTradeNo('GS_ORDER_0004'))).toEqual({
      code: 'SERIAL_MISMATCH',
    });
  });

  it('rejects a response whose body was altered in transit', async () => {
    await newSim();
    const tampering: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const text = (await res.text()).replace('"NOTPAY"', '"SUCCESS"');
      return new Response(text, { status: res.status, headers: res.headers });
    };
    await client().prepayJsapi(order('GS_ORDER_0005'));
    expect(await failure(client({ fetch: tampering }).queryByOutTradeNo('GS_ORDER_0005'))).toEqual({
      code: 'SIGNATURE_INVALID',
    });
  });
});

describe('trade bill', () => {
  it('downloads the day’s bill, checks its SHA1, and it ties out to the fen', async () => {
    // A fixed clock: 2024-05-01 10:00 in Beijing.
    const day = Date.parse('2024-05-01T10:00:00+08:00');
    await newSim({ now: () => day });
    const pay = client({ now: () => day });
    const totals = [12345, 1, 99999, 50];
    for (const [i, total] of totals.entries()) {
      await pay.prepayJsapi(order(`GS_BILL_${i}0000`, total));
      await sim.pay(`GS_BILL_${i}0000`);
    }
    await pay.createRefund({
      out_trade_no: 'GS_BILL_00000',
      out_refund_no: 'GS_BILL_R1',
      amount: { refund: 2345, total: 12345, currency: 'CNY' },
    });
    await sim.completeRefund('GS_BILL_R1', 'SUCCESS');
    await pay.createRefund({
      out_trade_no: 'GS_BILL_20000',
      out_refund_no: 'GS_BILL_R2',
      amount: { refund: 1, total: 99999, currency: 'CNY' },
    }); // still PROCESSING: not in the bill
    // Paid the next Beijing day (16:30 UTC = 00:30 +08:00): belongs to the 2024-05-02 bill.
    await pay.prepayJsapi(order('GS_BILL_NEXTDAY', 700));
    await sim.pay('GS_BILL_NEXTDAY', { successTime: '2024-05-01T16:30:00Z' });

    const csv = await pay.tradeBill('2024-05-01');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const { rows, summary } = parseTradeBill(csv);
    const payments = rows.filter((r) => r.tradeState === 'SUCCESS');
    const refunds = rows.filter((r) => r.tradeState === 'REFUND');
    expect(payments.map((r) => [r.outTradeNo, r.orderTotalFen, r.settlementTotalFen]).sort()).toEqual(
      totals.map((t, i) => [`GS_BILL_${i}0000`, t, t]).sort(),
    );
    expect(refunds).toEqual([
      expect.objectContaining({
        outTradeNo: 'GS_BILL_00000',
        outRefundNo: 'GS_BILL_R1',
        refundFen: 2345,
        appliedRefundFen: 2345,
        refundStatus: 'SUCCESS',
        orderTotalFen: 0,
      }),
    ]);
    expect(summary).toMatchObject({
      totalCount: 5,
      orderTotalFen: 12345 + 1 + 99999 + 50,
      settlementTotalFen: 112395,
      refundTotalFen: 2345,
    });
    for (const r of payments) expect(r.transactionId).toBe(sim.state.transactions.get(r.outTradeNo)!.transaction_id);
    expect(payments[0]!.tradeTime).toBe('2024-05-01 10:00:00');

    const next = parseTradeBill(await pay.tradeBill('2024-05-02'));
    expect(next.rows.map((r) => [r.outTradeNo, r.tradeTime])).toEqual([['GS_BILL_NEXTDAY', '2024-05-02 00:30:00']]);
    expect(parseTradeBill(await pay.tradeBill('2024-05-01', 'REFUND')).rows).toHaveLength(1);
    expect(await failure(pay.tradeBill('2024-04-30'))).toEqual({ status: 400, code: 'NO_STATEMENT_EXIST' });
    expect(await failure(pay.tradeBill('20240501'))).toEqual({ status: 400, code: 'PARAM_ERROR' });
  });

  it('refuses a bill whose bytes do not match the signed SHA1', async () => {
    await newSim();
    const pay = client();
    await pay.prepayJsapi(order('GS_BILL_HASH1', 100));
    await sim.pay('GS_BILL_HASH1');
    const corrupting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('/v3/billdownload/')) return res;
      return new Response((await res.text()).replace('1.00', '9.00'), { status: res.status, headers: res.headers });
    };
    expect(await failure(client({ fetch: corrupting }).tradeBill(cstDate(Date.now())))).toEqual({
      code: 'HASH_MISMATCH',
    });
    const unsigned = await fetch(`${sim.url}/v3/billdownload/file?token=x`);
    expect(unsigned.status).toBe(401);
  });
});
