// The WeChat Pay client tests' harness: a stand-in for the API's notify endpoint, simulators started per
// test and closed after it, a client and an order for them. Call usePayHarness() at the top of a test file;
// `sim`, `received`, `rejected` and `notifyUrl` are live bindings.
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_KEYS } from '../demo-keys.js';
import { WechatApiError, WechatPayVerificationError } from '../errors.js';
import { verifyNotification, type NotificationEnvelope } from '../notification.js';
import { WechatPayClient, type WechatPayClientOptions } from '../pay-client.js';
import type { JsapiPrepayRequest } from '../pay-types.js';
import { startWechatSimulator, type WechatSimulator } from '../simulator/server.js';

export const K = DEMO_KEYS;
/** A stand-in for the API's notify endpoint: verifies like production, answers 204 or 4xx {code:'FAIL'}. */
export interface Received {
  envelope: NotificationEnvelope;
  resource: Record<string, unknown>;
}
let receiver: Server;
export let notifyUrl: string;
export const received: Received[] = [];
export const rejected: string[] = [];

export function usePayHarness(): void {
  beforeAll(startReceiver);
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
  afterEach(async () => {
    await Promise.all(sims.map((s) => s.close()));
    sims = [];
  });
}

async function startReceiver() {
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
}

export let sim: WechatSimulator;
let sims: WechatSimulator[] = [];
export async function newSim(opts: Parameters<typeof startWechatSimulator>[0] = {}) {
  sim = await startWechatSimulator(opts);
  sims.push(sim);
  received.length = 0;
  rejected.length = 0;
  return sim;
}

export const client = (over: Partial<WechatPayClientOptions> = {}) =>
  new WechatPayClient({
    baseUrl: sim.url,
    mchid: K.mchid,
    serialNo: K.merchantSerial,
    privateKeyPem: K.merchantPrivateKeyPem,
    platformPublicKeyPem: K.platformPublicKeyPem,
    platformSerial: K.platformSerial,
    ...over,
  });
export const order = (no: string, total = 12345, over: Partial<JsapiPrepayRequest> = {}): JsapiPrepayRequest => ({
  appid: K.appId,
  description: 'GuideShare 测试商品',
  out_trade_no: no,
  notify_url: notifyUrl,
  amount: { total },
  payer: { openid: sim.user('alice').openid },
  ...over,
});
export async function failure(p: Promise<unknown>): Promise<{ status?: number; code: string | number }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WechatApiError) return { status: err.status, code: err.errcode };
    if (err instanceof WechatPayVerificationError) return { code: err.reason };
    throw err;
  }
  return { code: 'OK' };
}

export async function waitFor(cond: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
