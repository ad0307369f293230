import type { StaffRole } from '@guideshare/contracts';
import { chineseMessage, networkMessage, type ErrorBody } from './errors';

export type { StaffRole };

export interface Session {
  token: string;
  role: StaffRole;
  username: string;
  /** a clerk's store (from the token's claims) */
  storeId?: string;
}

const KEY = 'guideshare.console.session';

/** An API failure with the message to show (always Chinese) and the API's code for logic. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => undefined;

export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null) {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

/** The claims of a bearer token (not verified here: the API verifies every request). */
export function tokenClaims(token: string): { role?: string; storeId?: string; sub?: string } {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    return JSON.parse(json);
  } catch {
    return {};
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  /** a raw body (CSV text, FormData) sent as is */
  raw?: BodyInit;
  /** send without the bearer token */
  anonymous?: boolean;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const session = loadSession();
  if (session && !options.anonymous) headers.Authorization = `Bearer ${session.token}`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', networkMessage());
  }
  if (!res.ok) {
    const parsed = (await res.json().catch(() => null)) as ErrorBody | null;
    const code = parsed?.error?.code ?? `HTTP_${res.status}`;
    if (res.status === 401 && session && !options.anonymous) onUnauthorized();
    throw new ApiError(res.status, code, chineseMessage(res.status, parsed));
  }
  return res;
}

/** JSON request → parsed JSON (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A download (CSV) through the authenticated client, saved under the server's file name. */
export async function download(path: string, fallbackName: string): Promise<{ filename: string; size: number }> {
  const res = await send(path, {});
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { filename, size: blob.size };
}

/** A fresh Idempotency-Key for one user action (a retry of the same action reuses it). */
export function idempotencyKey(prefix = 'console'): string {
  const random = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** An error as the message to show: ApiError's own, anything else generic. */
export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : '操作失败，请稍后再试';
}
