import { createHash } from 'node:crypto';
import { WechatApiError, WechatPayVerificationError } from './errors.js';
import { joinUrl, query, type FetchLike } from './http.js';
import { verifyWechatpaySignature } from './notification.js';
import {
  buildAuthorization,
  requestPaymentParams,
  unixSeconds,
  type PrivateKeyInput,
  type PublicKeyInput,
  type RequestPaymentParams,
} from './pay-crypto.js';
import type { CreateRefundRequest, JsapiPrepayRequest, Refund, TradeBillLink, Transaction } from './pay-types.js';

export interface WechatPayClientOptions {
  /** https://api.mch.weixin.qq.com in production. */
  baseUrl: string;
  mchid: string;
  /** Serial number of the merchant API certificate. */
  serialNo: string;
  privateKeyPem: PrivateKeyInput;
  platformPublicKeyPem: PublicKeyInput;
  /** Platform certificate serial or WeChat Pay public-key ID that responses must carry. */
  platformSerial: string;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
  maxSkewSeconds?: number;
}

export type TradeBillType = 'ALL' | 'SUCCESS' | 'REFUND';

/** WeChat Pay API v3 (direct merchant): every request signed, every response's signature verified. */
export class WechatPayClient {
  private readonly fetch: FetchLike;
  private readonly now: () => number;

  constructor(private readonly options: WechatPayClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  get mchid(): string {
    return this.options.mchid;
  }

  /** JSAPI / mini-program prepay. Repeating an out_trade_no with the same body returns the same prepay_id. */
  prepayJsapi(req: JsapiPrepayRequest): Promise<{ prepay_id: string }> {
    const body = { ...req, mchid: req.mchid ?? this.options.mchid, amount: { currency: 'CNY', ...req.amount } };
    return this.request('POST', '/v3/pay/transactions/jsapi', body);
  }

  /** wx.requestPayment parameters signed with this merchant's key. */
  paymentParams(appId: string, prepayId: string): RequestPaymentParams {
    return requestPaymentParams({
      appId,
      prepayId,
      privateKeyPem: this.options.privateKeyPem,
      timeStamp: unixSeconds(this.now()),
    });
  }

  /** The order as WeChat Pay sees it; the fallback when a notification never arrives. */
  queryByOutTradeNo(outTradeNo: string): Promise<Transaction> {
    return this.request(
      'GET',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}${query({ mchid: this.options.mchid })}`,
    );
  }

  /** Closes an unpaid order so it can no longer be paid (204). */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.request('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.options.mchid,
    });
  }

  /** Requests a refund; repeating an out_refund_no refunds once. Final status arrives by REFUND.* notify. */
  createRefund(req: CreateRefundRequest): Promise<Refund> {
    return this.request('POST', '/v3/refund/domestic/refunds', req);
  }

  queryRefund(outRefundNo: string): Promise<Refund> {
    return this.request('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
  }

  /** Where to download a day's bill (yyyy-MM-dd, business day in China). */
  tradeBillLink(billDate: string, billType: TradeBillType = 'ALL'): Promise<TradeBillLink> {
    return this.request('GET', `/v3/bill/tradebill${query({ bill_date: billDate, bill_type: billType })}`);
  }

  /**
   * The day's trade bill as CSV text (UTF-8, BOM kept). The file itself is unsigned, so its SHA1 is
   * checked against the signed link response instead.
   */
  async tradeBill(billDate: string, billType: TradeBillType = 'ALL'): Promise<string> {
    const link = await this.tradeBillLink(billDate, billType);
    const url = new URL(link.download_url);
    // The download is signed with our key: never send that to a host other than the configured API.
    if (url.origin !== new URL(this.options.baseUrl).origin) {
      throw new WechatPayVerificationError('MALFORMED', `download_url ${url.origin} is not the WeChat Pay API origin`);
    }
    const res = await this.fetch(url, {
      method: 'GET',
      headers: this.headers('GET', url.pathname + url.search, ''),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw errorFrom(res.status, bytes.toString('utf8'), url.pathname);
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    if (link.hash_type !== 'SHA1' || sha1 !== link.hash_value.toLowerCase()) {
      throw new WechatPayVerificationError('HASH_MISMATCH', `bill SHA1 ${sha1} does not match ${link.hash_value}`);
    }
    return bytes.toString('utf8');
  }

  /** A signed v3 call whose response signature must verify before its body is trusted. */
  async request<T>(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown): Promise<T> {
    const url = joinUrl(this.options.baseUrl, pathWithQuery);
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const res = await this.fetch(url, {
      method,
      headers: this.headers(method, url.pathname + url.search, bodyText),
      ...(body === undefined ? {} : { body: bodyText }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    if (!res.ok) throw errorFrom(res.status, text, url.pathname);
    verifyWechatpaySignature({
      headers: res.headers,
      rawBody: text,
      platformPublicKeyPem: this.options.platformPublicKeyPem,
      platformSerial: this.options.platformSerial,
      nowSeconds: unixSeconds(this.now()),
      ...(this.options.maxSkewSeconds === undefined ? {} : { maxSkewSeconds: this.options.maxSkewSeconds }),
    });
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new WechatPayVerificationError('MALFORMED', `response is not JSON: ${text.slice(0, 200)}`);
    }
  }

  private headers(method: string, urlPathWithQuery: string, body: string): Record<string, string> {
    const o = this.options;
    return {
      Authorization: buildAuthorization({
        mchid: o.mchid,
        serialNo: o.serialNo,
        privateKeyPem: o.privateKeyPem,
        method,
        urlPathWithQuery,
        body,
        timestamp: unixSeconds(this.now()),
      }),
      Accept: 'application/json',
      // WeChat Pay rejects requests without a User-Agent.
      'User-Agent': 'guideshare-wechat/0.1',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    };
  }
}

/** v3 errors are `{code, message}` with a meaningful HTTP status. */
function errorFrom(status: number, text: string, endpoint: string): WechatApiError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown };
  return new WechatApiError({
    status,
    errcode: typeof b.code === 'string' ? b.code : `HTTP_${status}`,
    errmsg: typeof b.message === 'string' ? b.message : text.slice(0, 200),
    body,
    endpoint,
  });
}
