import Taro from '@tarojs/taro';
import { apiBase } from './env';
import { AppError, fromResponse, toAppError } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpOptions {
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  /** Absolute URL instead of the API base (the pay simulator). */
  absolute?: boolean;
}

export interface HttpResult<T> {
  status: number;
  data: T;
}

/**
 * One HTTP round trip with the contract's conventions: JSON in and out, bearer token, and any
 * non-2xx answer turned into an AppError carrying the server's `error.code` and a Chinese message for it.
 */
export async function http<T>(method: Method, path: string, opts: HttpOptions = {}): Promise<T> {
  return (await httpResult<T>(method, path, opts)).data;
}

/** `http` that also tells the 2xx status (e.g. 201 created vs 200 already there). */
export async function httpResult<T>(method: Method, path: string, opts: HttpOptions = {}): Promise<HttpResult<T>> {
  const url = opts.absolute ? path : `${apiBase()}${path}`;
  const header: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.token) header.Authorization = `Bearer ${opts.token}`;
  // A POST always carries a JSON body: an empty one with `content-type: application/json` is
  // rejected by Fastify, and weapp always sends that content type.
  const data = opts.body ?? (method === 'POST' || method === 'PUT' ? {} : undefined);
  if (data !== undefined) header['Content-Type'] = 'application/json';
  let res: Taro.request.SuccessCallbackResult<any>;
  try {
    res = await Taro.request({ url, method, data: data as any, header, dataType: 'json' });
  } catch (e) {
    throw toAppError(e);
  }
  if (!res || typeof res.statusCode !== 'number') throw new AppError('NETWORK_ERROR', '网络请求失败，请稍后重试');
  let body: unknown = res.data;
  if (typeof body === 'string' && body.length > 0) {
    try {
      body = JSON.parse(body);
    } catch {
      // leave as text
    }
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw fromResponse(res.statusCode, body);
  return { status: res.statusCode, data: (body === '' ? null : body) as T };
}
