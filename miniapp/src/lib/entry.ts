import Taro from '@tarojs/taro';
import { shareCodeFromQuery, type GroupEnterInfo } from '@guideshare/contracts';
import { api } from './api';
import { ensureConsumerLogin } from './auth';
import { groupEnterInfo, isTimelineSinglePage } from './group';
import { AppError } from './errors';
import { KEYS, load, remove, save } from './storage';

export type Query = Record<string, string | undefined>;

interface StoredShare {
  code: string;
  savedAt: number;
}

/** The share code a page was opened with: `s` of a card path, else the wxacode `scene` (URL-decoded). */
export function entryShareCode(query: Query | undefined | null): string | null {
  return shareCodeFromQuery(query ?? undefined);
}

const HOUR = 3_600_000;

/**
 * The share code that brought this consumer in most recently; checkout sends it as `shareCode`.
 * Once it is older than the online window (learned from GET /api/config) it earns no credit and is
 * dropped (docs/DOMAIN.md rule 9: the API counts it at the time it was opened).
 */
export function currentShareCode(now = Date.now()): string | null {
  const stored = load<StoredShare>(KEYS.shareCode);
  if (!stored) return null;
  const windowHours = load<number>(KEYS.shareWindowHours);
  if (typeof windowHours === 'number' && !(now - stored.savedAt <= windowHours * HOUR)) {
    remove(KEYS.shareCode);
    return null;
  }
  return stored.code;
}

/** Learns the online window from GET /api/config (kept on the device); the last known one if that fails. */
export async function learnShareWindow(): Promise<number | null> {
  try {
    const hours = (await api.config()).onlineWindowHours;
    save(KEYS.shareWindowHours, hours);
    return hours;
  } catch {
    // offline or refused: keep what we knew
  }
  return load<number>(KEYS.shareWindowHours);
}

export function rememberShareCode(code: string): void {
  save(KEYS.shareCode, { code, savedAt: Date.now() } satisfies StoredShare);
}

export function forgetShareCode(code?: string): void {
  if (code === undefined || currentShareCode() === code) remove(KEYS.shareCode);
}

/** WeChat's scene value and chat type of the current entry (hot start), else of the launch. */
export function entryContext(): { scene: number | undefined; chatType: number | undefined } {
  const pick = (o: { scene?: unknown; chatType?: unknown } | undefined | null) => ({
    scene: typeof o?.scene === 'number' && o.scene > 0 ? o.scene : undefined,
    chatType: typeof o?.chatType === 'number' && o.chatType > 0 ? o.chatType : undefined,
  });
  let enter: ReturnType<typeof pick> = { scene: undefined, chatType: undefined };
  try {
    enter = pick(Taro.getEnterOptionsSync?.() as never);
  } catch {
    // not available on this platform
  }
  if (enter.scene !== undefined) return enter;
  try {
    return pick(Taro.getLaunchOptionsSync?.() as never);
  } catch {
    return { scene: undefined, chatType: undefined };
  }
}

/** `pages/product/index?id=1&s=CODE`: the page path with its own query, without Taro's internal params. */
export function pagePathWithQuery(page: string, query: Query | undefined | null): string {
  const parts = Object.entries(query ?? {})
    .filter(([k, v]) => v !== undefined && v !== '' && !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`);
  const clean = page.replace(/^\/+/, '');
  return parts.length ? `${clean}?${parts.join('&')}` : clean;
}

const recorded = new Set<string>();

/** Test hook: forget which visits this app session already recorded. */
export function resetRecordedVisits(): void {
  recorded.clear();
}

export type EntryResult =
  { shareCode: null; recorded: false } | { shareCode: string; recorded: boolean; error?: AppError };

/**
 * Runs on every page a card can open: remembers the share code for checkout and records the visit
 * (POST /api/visits) once per code and page in this app session. A code the API rejects as
 * SHARE_CODE_INVALID is forgotten so checkout never sends it.
 */
export async function handleEntry(page: string, query: Query | undefined | null): Promise<EntryResult> {
  const shareCode = entryShareCode(query);
  if (!shareCode) return { shareCode: null, recorded: false };
  rememberShareCode(shareCode);
  // Moments' single-page mode has no login: the visit is recorded when the user taps through.
  if (isTimelineSinglePage()) return { shareCode, recorded: false };
  const path = pagePathWithQuery(page, query);
  const key = `${shareCode}|${path}`;
  if (recorded.has(key)) return { shareCode, recorded: false };
  recorded.add(key);
  const { scene, chatType } = entryContext();
  const visit = (group: GroupEnterInfo | null) =>
    api.recordVisit({
      shareCode,
      ...(scene !== undefined ? { scene } : {}),
      ...(chatType !== undefined ? { chatType } : {}),
      path,
      ...(group ? { group } : {}),
    });
  try {
    await recordWithGroup(visit);
    return { shareCode, recorded: true };
  } catch (e) {
    const error = e instanceof AppError ? e : new AppError('NETWORK_ERROR', String(e));
    if (error.code === 'SHARE_CODE_INVALID') forgetShareCode(shareCode);
    else recorded.delete(key); // a transient failure may be retried on the next open
    return { shareCode, recorded: false, error };
  }
}

/**
 * Opened in a group: the visit carries the group's encrypted id. It is encrypted with the session
 * key of the latest wx.login, so when the API cannot read it (GROUP_DATA_INVALID: the server holds
 * an older key) the app logs in again and retries once, then records the visit without the group.
 */
async function recordWithGroup(visit: (group: GroupEnterInfo | null) => Promise<void>): Promise<void> {
  await ensureConsumerLogin();
  const group = await groupEnterInfo();
  if (!group) return visit(null);
  try {
    return await visit(group);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'GROUP_DATA_INVALID') throw e;
  }
  await ensureConsumerLogin(true);
  const fresh = await groupEnterInfo();
  try {
    return await visit(fresh);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'GROUP_DATA_INVALID') throw e;
    return visit(null);
  }
}

/**
 * The path a consumer's re-share carries: same page, same target, and the guide's code
 * (the one the page was opened with, else the remembered one), so second-degree spread still credits the guide.
 */
export function reSharePath(page: string, params: Query, openedWith?: string | null): string {
  const code = openedWith ?? currentShareCode();
  const query: Query = { ...params };
  delete query.scene;
  delete query.s;
  if (code) query.s = code;
  return `/${pagePathWithQuery(page, query)}`;
}
