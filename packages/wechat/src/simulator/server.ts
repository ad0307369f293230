import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_KEYS, type WechatKeys } from '../demo-keys.js';
import type { RefundStatus } from '../pay-types.js';
import {
  completeRefund,
  pay,
  refundNotification,
  transactionNotification,
  type BuiltNotification,
  type SimTime,
} from './actions.js';
import { json, type Route, type SimContext, type SimRequest, type SimResponse } from './context.js';
import { controlRoutes } from './control-routes.js';
import { simulatedUser, type SimulatedUser } from './ids.js';
import { payRoutes } from './pay-routes.js';
import { addExternalContact, addFollower, type ExternalContactSeed, type FollowerSeed } from './seed.js';
import { createSimState, type SimExternalContact, type SimFollower, type SimState } from './state.js';
import { wechatRoutes } from './wechat-routes.js';
import { wxaRoutes } from './wxa-routes.js';
import { encryptWxData } from '../wx-data.js';

export interface WechatSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator has open control endpoints and demo keys. */
  host?: string;
  keys?: WechatKeys;
  /**
   * Play the payer / bank automatically: pay every new order and settle every new refund as SUCCESS
   * after the given delay (true = both after 0 ms). Off by default: tests call sim.pay().
   */
  autoNotify?: boolean | { payAfterMs?: number; refundAfterMs?: number };
  /** Send every notification here instead of the order's notify_url (standalone simulator, Docker). */
  notifyUrl?: string;
  /** Clock (epoch ms) for signatures, expiry and bill dates. */
  now?: () => number;
  tokenTtlSeconds?: number;
  /** Reject a reused wx.login code with 40163, as WeChat does. Off by default so tests can reuse "alice". */
  strictLoginCodes?: boolean;
  followerPageSize?: number;
  /** Fee rate in the trade bill, basis points (default 60 = 0.60%). */
  feeRateBps?: number;
  log?: (line: string) => void;
}

export interface WechatSimulator {
  /** http://host:port — use as WECHAT_API_BASE and WECHATPAY_API_BASE. */
  url: string;
  port: number;
  keys: WechatKeys;
  state: SimState;
  close(): Promise<void>;
  /** Pays an order (or re-sends its notification) and returns the notify endpoint's HTTP status (0 = unreachable). */
  pay(outTradeNo: string, opts?: { successTime?: SimTime; notifyUrl?: string }): Promise<number>;
  /** Settles a refund and sends REFUND.<status>; returns the notify status. */
  completeRefund(
    outRefundNo: string,
    status?: Exclude<RefundStatus, 'PROCESSING'>,
    opts?: { successTime?: SimTime; notifyUrl?: string },
  ): Promise<number>;
  /** Signed, encrypted notifications built but not sent, for tests to replay or tamper with. */
  transactionNotification(outTradeNo: string): BuiltNotification;
  refundNotification(outRefundNo: string): BuiltNotification;
  addExternalContact(seed: ExternalContactSeed): SimExternalContact;
  addFollower(seed: FollowerSeed): SimFollower;
  removeFollower(openid: string): void;
  /** The identity a login code "key.anything" maps to. */
  user(key: string): SimulatedUser;
  /**
   * What wx.getGroupEnterInfo gives the user `userKey` (logged in through jscode2session) opening a
   * card in the group `opengid`: encrypted with that user's session_key, watermarked with the appid.
   */
  groupEnterInfo(userKey: string, opengid: string): { encryptedData: string; iv: string };
  /** Expire every issued access_token (tests token refresh). */
  expireAccessTokens(): void;
}

const MAX_BODY = 2 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: SimResponse): void {
  const body = r.body ?? '';
  res.writeHead(r.status, { ...r.headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function notFound(path: string): SimResponse {
  return path.startsWith('/v3/')
    ? json(404, { code: 'NOT_FOUND', message: `${path} is not simulated` })
    : json(404, { errcode: 404, errmsg: `${path} is not simulated` });
}

/** Starts the WeChat / WeCom / WeChat Pay v3 simulator on node:http. */
export async function startWechatSimulator(options: WechatSimulatorOptions = {}): Promise<WechatSimulator> {
  const keys = options.keys ?? { ...DEMO_KEYS };
  const state = createSimState();
  const timers = new Set<NodeJS.Timeout>();
  const auto = options.autoNotify === true ? { payAfterMs: 0, refundAfterMs: 0 } : options.autoNotify || {};
  const log = options.log ?? (() => {});
  let origin = '';

  const later = (ms: number, run: () => Promise<number>) => {
    const t = setTimeout(() => {
      timers.delete(t);
      run().catch((err: Error) => log(`autoNotify: ${err.message}`));
    }, ms);
    timers.add(t);
  };

  const ctx: SimContext = {
    keys,
    state,
    now: options.now ?? Date.now,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    strictLoginCodes: options.strictLoginCodes ?? false,
    followerPageSize: options.followerPageSize ?? 10_000,
    feeRateBps: options.feeRateBps ?? 60,
    onPrepay: (no) => {
      if (auto.payAfterMs !== undefined) later(auto.payAfterMs, () => sim.pay(no));
    },
    onRefund: (no) => {
      if (auto.refundAfterMs !== undefined) later(auto.refundAfterMs, () => sim.completeRefund(no, 'SUCCESS'));
    },
    origin: () => origin,
  };

  const notifyUrl = (explicit?: string) => explicit ?? options.notifyUrl;
  const withUrl = <T extends { notifyUrl?: string }>(opts: T | undefined): T => {
    const url = notifyUrl(opts?.notifyUrl);
    return { ...(opts ?? ({} as T)), ...(url ? { notifyUrl: url } : {}) };
  };

  const routes: Route[] = [
    ...wechatRoutes,
    ...wxaRoutes,
    ...payRoutes,
    ...controlRoutes({ pay: (no) => sim.pay(no), completeRefund: (no, status) => sim.completeRefund(no, status) }),
  ];

  const server = createServer((req, res) => {
    void (async () => {
      const rawUrl = req.url ?? '/';
      const url = new URL(rawUrl, 'http://simulator.invalid');
      if (req.method === 'OPTIONS' && url.pathname.startsWith('/sim/')) {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': 'Content-Type',
        });
        return res.end();
      }
      const body = await readBody(req);
      if (body === null) return send(res, json(413, { code: 'PARAM_ERROR', message: 'body too large' }));
      const simReq: SimRequest = { method: req.method ?? 'GET', url, rawUrl, headers: req.headers, body };
      let response: SimResponse | undefined;
      for (const route of routes) {
        const m = route.method === simReq.method ? route.path.exec(url.pathname) : null;
        if (m) {
          response = await route.handler(ctx, simReq, m.slice(1));
          break;
        }
      }
      response ??= notFound(url.pathname);
      log(`${simReq.method} ${url.pathname} → ${response.status}`);
      send(res, response);
    })().catch((err: Error) => {
      log(`simulator error: ${err.stack ?? err.message}`);
      if (!res.headersSent) send(res, json(500, { code: 'SYSTEM_ERROR', message: err.message }));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl === '0.0.0.0' ? '127.0.0.1' : hostForUrl}:${address.port}`;

  const sim: WechatSimulator = {
    url: origin,
    port: address.port,
    keys,
    state,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    pay: (no, opts) => pay(ctx, no, withUrl(opts)),
    completeRefund: (no, status = 'SUCCESS', opts) => completeRefund(ctx, no, status, withUrl(opts)),
    transactionNotification: (no) => transactionNotification(ctx, no, notifyUrl()),
    refundNotification: (no) => refundNotification(ctx, no, notifyUrl()),
    addExternalContact: (seed) => addExternalContact(ctx, seed),
    addFollower: (seed) => addFollower(ctx, seed),
    removeFollower: (openid) => void state.followers.delete(openid),
    user: simulatedUser,
    groupEnterInfo: (userKey, opengid) =>
      encryptWxData(simulatedUser(userKey).sessionKey, {
        opengid,
        watermark: { appid: keys.appId, timestamp: Math.floor(ctx.now() / 1000) },
      }),
    expireAccessTokens: () => {
      for (const entry of state.accessTokens.values()) entry.expiresAt = 0;
    },
  };
  return sim;
}
