import { WechatApiError } from './errors.js';

export type FetchLike = typeof fetch;

/** Joins a configurable base URL (which may carry a path prefix) and an absolute API path. */
export function joinUrl(baseUrl: string, pathWithQuery: string): URL {
  return new URL(baseUrl.replace(/\/+$/, '') + pathWithQuery);
}

/** Query string from defined values only; `URLSearchParams` percent-encodes them. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Calls a WeChat `{errcode, errmsg}` API and returns its JSON. WeChat reports most errors with HTTP 200
 * and a non-zero errcode; both that and non-2xx / non-JSON answers become WechatApiError.
 * The error names the path only: query strings here carry secrets and access tokens.
 */
export async function wechatJson<T>(fetchImpl: FetchLike, url: URL, init: RequestInit, timeoutMs: number): Promise<T> {
  const endpoint = url.pathname;
  const res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new WechatApiError({
      status: res.status,
      errcode: -1,
      errmsg: `non-JSON response: ${text.slice(0, 200)}`,
      endpoint,
    });
  }
  const b = body as { errcode?: unknown; errmsg?: unknown };
  if (typeof b.errcode === 'number' && b.errcode !== 0) {
    throw new WechatApiError({
      status: res.status,
      errcode: b.errcode,
      errmsg: String(b.errmsg ?? ''),
      body,
      endpoint,
    });
  }
  if (!res.ok)
    throw new WechatApiError({ status: res.status, errcode: -1, errmsg: `HTTP ${res.status}`, body, endpoint });
  return body as T;
}

/**
 * Calls a WeChat API that answers an image on success and `{errcode, errmsg}` JSON on failure
 * (wxacode): the bytes when the answer is not JSON, else a WechatApiError.
 */
export async function wechatBinary(
  fetchImpl: FetchLike,
  url: URL,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ contentType: string; bytes: Buffer }> {
  const endpoint = url.pathname;
  const res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const contentType = res.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await res.arrayBuffer());
  if (contentType.includes('json') || bytes.subarray(0, 1).toString() === '{') {
    let body: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      body = JSON.parse(bytes.toString('utf8')) as typeof body;
    } catch {
      // fall through: reported as a non-image answer below
    }
    throw new WechatApiError({
      status: res.status,
      errcode: typeof body.errcode === 'number' ? body.errcode : -1,
      errmsg: String(body.errmsg ?? 'non-image response'),
      body,
      endpoint,
    });
  }
  if (!res.ok || bytes.length === 0)
    throw new WechatApiError({ status: res.status, errcode: -1, errmsg: `HTTP ${res.status}`, endpoint });
  return { contentType, bytes };
}

/** access_token errcodes after which one refresh-and-retry is worthwhile (revoked or expired early). */
export const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/**
 * Caches an access_token until shortly before expiry and shares one in-flight fetch between concurrent
 * callers, because WeChat rate-limits token calls and each new token invalidates the previous one.
 */
export class TokenCache {
  private token: string | null = null;
  private expiresAt = 0;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>,
    private readonly now: () => number,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.now() < this.expiresAt) return this.token;
    this.inflight ??= this.fetchToken()
      .then(({ token, expiresInSeconds }) => {
        // Refresh 5 minutes early (or at half-life for short tokens) so a token never expires mid-request.
        const margin = Math.min(300, expiresInSeconds / 2);
        this.token = token;
        this.expiresAt = this.now() + (expiresInSeconds - margin) * 1000;
        return token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** Drops `token` if it is still the cached one (WeChat said it is invalid). */
  invalidate(token: string): void {
    if (this.token === token) {
      this.token = null;
      this.expiresAt = 0;
    }
  }
}

/** Runs `call` with a token; on an invalid-token errcode refreshes once and retries. */
export async function withToken<T>(cache: TokenCache, call: (token: string) => Promise<T>): Promise<T> {
  const token = await cache.get();
  try {
    return await call(token);
  } catch (err) {
    if (!(err instanceof WechatApiError) || !TOKEN_ERRCODES.has(err.errcode as number)) throw err;
    cache.invalidate(token);
    return call(await cache.get());
  }
}
