import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_KEYS } from './demo-keys.js';
import { WechatApiError, WechatPayVerificationError } from './errors.js';
import { verifyNotification, type NotificationEnvelope } from './notification.js';
import { WechatPayClient, type WechatPayClientOptions } from './pay-client.js';
import type { JsapiPrepayRequest } from './pay-types.js';
import { startWechatSimulator, type WechatSimulator } from './simulator/server.js';
import { cstDate } from './time.js';
import { parseTradeBill } from './tradebill-parse.js';

const K = DEMO_KEYS;

/** A stand-in for the API's notify endpoint: verifies like production, answers 204 or 4xx {code:'FAIL'}. */
interface Received {
  envelope: NotificationEnvelope;
  resource: Record<string, unknown>;
}
let receiver: Server;
let notifyUrl: string;
const received: Received[] = [];
const rejected: string[] = [];
beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        received.push(
          verifyNotification({
            headers: req.headers,
            rawBody: Buffer.concat(chunks),
            platformPublicKeyPem: K.platformPublicKeyPem,
            platformSerial: K.platformSerial,
            apiV3Key: K.apiV3Key,
          }),
        );
        res.writeHead(204).end();
      } catch (err) {
        rejected.push((err as WechatPayVerificationError).reason);
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ code: 'FAIL', message: (err as Error).message }));
      }
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/wechat/notify`;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

let sim: WechatSimulator;
let sims: WechatSimulator[] = [];
async function newSim(opts: Parameters<typeof startWechatSimulator>[0] = {}) {
  sim = await startWechatSimulator(opts);
  sims.push(sim);
  received.length = 0;
  rejected.length = 0;
  return sim;
}
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

const client = (over: Partial<WechatPayClientOptions> = {}) =>
  new WechatPayClient({
    baseUrl: sim.url,
    mchid: K.mchid,
    serialNo: K.merchantSerial,
    privateKeyPem: K.merchantPrivateKeyPem,
    platformPublicKeyPem: K.platformPublicKeyPem,
    platformSerial: K.platformSerial,
    ...over,
  });
const order = (no: string, total = 12345, over: Partial<JsapiPrepayRequest> = {}): JsapiPrepayRequest => ({
  appid: K.appId,
  description: 'GuideShare 测试商品',
  out_trade_no: no,
  notify_url: notifyUrl,
  amount: { total },
  payer: { openid: sim.user('alice').openid },
  ...over,
});
async function failure(p: Promise<unknown>): Promise<{ status?: number; code: string | number }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WechatApiError) return { status: err.status, code: err.errcode };
    if (err instanceof WechatPayVerificationError) return { code: err.reason };
    throw err;
  }
  return { code: 'OK' };
}

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

async function waitFor(cond: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

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
