import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { buildNotification, DEMO_KEYS } from '@guideshare/wechat';
import type { TestStack } from './stack.js';

/** A TRANSACTION.SUCCESS resource as WeChat Pay sends it for an order. */
export function transactionResource(
  outTradeNo: string,
  totalFen: number,
  openid: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    appid: DEMO_KEYS.appId,
    mchid: DEMO_KEYS.mchid,
    out_trade_no: outTradeNo,
    transaction_id: `4200${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 28),
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    payer: { openid },
    amount: { total: totalFen, payer_total: totalFen, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}

export function signedNotification(
  resource: object,
  opts: { now?: number; platformPrivateKeyPem?: string; eventType?: string } = {},
) {
  return buildNotification({
    eventType: opts.eventType ?? 'TRANSACTION.SUCCESS',
    resource,
    originalType: 'transaction',
    platformPrivateKeyPem: opts.platformPrivateKeyPem ?? DEMO_KEYS.platformPrivateKeyPem,
    platformSerial: DEMO_KEYS.platformSerial,
    apiV3Key: DEMO_KEYS.apiV3Key,
    now: opts.now,
    id: randomUUID(),
  });
}

export async function postNotify(stack: TestStack, n: { headers: Record<string, string>; body: string }) {
  const res = await fetch(`${stack.url}/api/payments/wechat/notify`, {
    method: 'POST',
    headers: n.headers,
    body: n.body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export const otherPrivateKeyPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
