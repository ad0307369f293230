import { TokenCache, joinUrl, query, wechatBinary, wechatJson, withToken, type FetchLike } from './http.js';

/** What every api.weixin.qq.com / qyapi.weixin.qq.com client is configured with. */
export interface TokenClientOptions {
  /** The production host, or the simulator's URL in dev and tests. */
  baseUrl: string;
  fetch?: FetchLike;
  /** Clock for the token cache (epoch ms). */
  now?: () => number;
  timeoutMs?: number;
}

type Params = Record<string, string | undefined>;

const jsonPost = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * A WeChat-style `{errcode, errmsg}` JSON API on one host with a cached access_token: what
 * WechatApiClient and WecomClient share. A subclass says how its token is fetched.
 */
export abstract class TokenClient {
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly tokens: TokenCache;

  constructor(private readonly http: TokenClientOptions) {
    this.fetchImpl = http.fetch ?? globalThis.fetch;
    this.timeoutMs = http.timeoutMs ?? 10_000;
    this.tokens = new TokenCache(() => this.fetchToken(), http.now ?? Date.now);
  }

  /** Fetches a new access_token (called by the cache, at most one at a time). */
  protected abstract fetchToken(): Promise<{ token: string; expiresInSeconds: number }>;

  /** Cached access_token (refreshed shortly before expiry). */
  getAccessToken(): Promise<string> {
    return this.tokens.get();
  }

  /** Runs `call` with the token; on an invalid-token errcode refreshes once and retries. */
  protected withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    return withToken(this.tokens, call);
  }

  protected get<T>(path: string, params: Params): Promise<T> {
    return wechatJson<T>(this.fetchImpl, this.url(path, params), { method: 'GET' }, this.timeoutMs);
  }

  protected post<T>(path: string, params: Params, body: unknown): Promise<T> {
    return wechatJson<T>(this.fetchImpl, this.url(path, params), jsonPost(body), this.timeoutMs);
  }

  /** A JSON POST answered by an image (or by `{errcode, errmsg}` on failure). */
  protected postForImage(path: string, params: Params, body: unknown): Promise<{ contentType: string; bytes: Buffer }> {
    return wechatBinary(this.fetchImpl, this.url(path, params), jsonPost(body), this.timeoutMs);
  }

  private url(path: string, params: Params): URL {
    return joinUrl(this.http.baseUrl, path + query(params));
  }
}
