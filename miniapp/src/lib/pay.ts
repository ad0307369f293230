import Taro from '@tarojs/taro';
import type { Order, OrderStatus } from '@guideshare/contracts';
import { api } from './api';
import { isH5 } from './env';
import { AppError } from './errors';

export interface PayOptions {
  pollIntervalMs?: number;
  timeoutMs?: number;
  onStage?: (stage: 'prepay' | 'paying' | 'confirming') => void;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Statuses that mean the money arrived (refunds may come later). */
export const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED']);

/**
 * Pays an order: prepay on the API, then `wx.requestPayment` in the mini-program, or — in the H5
 * demo, where there is no WeChat — the local simulator's pay step. Then polls the order until the
 * payment notify has marked it paid. Resolves with the last order seen (maybe still unpaid if the
 * notify is late); rejects with PAY_CANCELLED / PAY_FAILED / SIMULATOR_UNAVAILABLE or an API error.
 */
export async function payOrder(orderId: string, opts: PayOptions = {}): Promise<Order> {
  const { pollIntervalMs = 1000, timeoutMs = 20000, onStage, sleep = defaultSleep } = opts;
  onStage?.('prepay');
  const params = await api.createPayment(orderId);
  onStage?.('paying');
  if (isH5()) {
    let simulatorUrl: string | null;
    try {
      simulatorUrl = (await api.config()).simulatorUrl;
    } catch {
      simulatorUrl = null;
    }
    if (!simulatorUrl) {
      throw new AppError('SIMULATOR_UNAVAILABLE', '浏览器里无法完成微信支付，请在微信小程序中支付');
    }
    await api.simulatePay(simulatorUrl, params.outTradeNo);
  } else {
    try {
      await Taro.requestPayment({
        timeStamp: params.timeStamp,
        nonceStr: params.nonceStr,
        package: params.package,
        signType: params.signType,
        paySign: params.paySign,
      } as Parameters<typeof Taro.requestPayment>[0]);
    } catch (e) {
      const msg = (e as { errMsg?: string })?.errMsg ?? '';
      if (/cancel/i.test(msg)) throw new AppError('PAY_CANCELLED', '您已取消支付，可在订单中继续支付');
      const error = new AppError('PAY_FAILED', '支付没有完成，请稍后在订单中重试');
      error.serverMessage = msg;
      throw error;
    }
  }
  onStage?.('confirming');
  return waitForPaid(orderId, { pollIntervalMs, timeoutMs, sleep });
}

/** Polls GET /api/orders/:id until the order is paid (or no longer payable), or the time is up. */
export async function waitForPaid(
  orderId: string,
  { pollIntervalMs = 1000, timeoutMs = 20000, sleep = defaultSleep }: Omit<PayOptions, 'onStage'> = {},
): Promise<Order> {
  const deadline = Date.now() + timeoutMs;
  let order = await api.order(orderId);
  while (order.status === 'PENDING_PAYMENT' && Date.now() < deadline) {
    await sleep(pollIntervalMs);
    order = await api.order(orderId);
  }
  return order;
}
