import type { IncomingHttpHeaders } from 'node:http';
import type { WechatKeys } from '../demo-keys.js';
import type { SimState } from './state.js';

export interface SimRequest {
  method: string;
  url: URL;
  /** Path + query exactly as received: what a merchant signature covers. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface SimContext {
  keys: WechatKeys;
  state: SimState;
  now: () => number;
  tokenTtlSeconds: number;
  strictLoginCodes: boolean;
  followerPageSize: number;
  feeRateBps: number;
  /** Called after a prepay / refund is created, for autoNotify. */
  onPrepay(outTradeNo: string): void;
  onRefund(outRefundNo: string): void;
  /** Origin for download_url when the request has no Host header. */
  origin(): string;
}

export type Handler = (ctx: SimContext, req: SimRequest, params: string[]) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: string;
  path: RegExp;
  handler: Handler;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** WeChat's `{errcode, errmsg}` style: HTTP 200 even for errors. */
export const wxError = (errcode: number, errmsg: string): SimResponse => json(200, { errcode, errmsg });

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
