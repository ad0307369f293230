import Taro from '@tarojs/taro';
import { __mock } from '../mocks/taro';
import {
  currentShareCode,
  entryContext,
  entryShareCode,
  handleEntry,
  learnShareWindow,
  pagePathWithQuery,
  reSharePath,
} from '../../src/lib/entry';
import { KEYS } from '../../src/lib/storage';
import { apiError, CODE, installApi, OTHER_CODE, requestsTo } from '../helpers';

describe('share code from the page query', () => {
  it('reads `s` from a card path', () => {
    expect(entryShareCode({ id: 'p1', s: CODE })).toBe(CODE);
  });

  it('reads a plain wxacode scene', () => {
    expect(entryShareCode({ scene: CODE })).toBe(CODE);
  });

  it('reads a URL-encoded scene of the form s=CODE', () => {
    expect(entryShareCode({ scene: encodeURIComponent(`s=${CODE}`) })).toBe(CODE);
    expect(entryShareCode({ scene: `s%3D${CODE}` })).toBe(CODE);
  });

  it('reads an already-decoded scene pair', () => {
    expect(entryShareCode({ scene: `s=${CODE}` })).toBe(CODE);
  });

  it('prefers `s` over scene', () => {
    expect(entryShareCode({ s: CODE, scene: OTHER_CODE })).toBe(CODE);
  });

  it('returns null without a code or with a malformed one', () => {
    expect(entryShareCode({})).toBeNull();
    expect(entryShareCode(undefined)).toBeNull();
    expect(entryShareCode({ id: 'p1' })).toBeNull();
    expect(entryShareCode({ s: 'short' })).toBeNull();
    expect(entryShareCode({ scene: '%E0%A4%A' })).toBeNull(); // undecodable
    expect(entryShareCode({ s: `${CODE}<script>` })).toBeNull();
  });
});

describe('entry context and paths', () => {
  it('uses the enter options (hot start) before the launch options', () => {
    __mock.setLaunchOptions({ scene: 1001, query: {} });
    __mock.setEnterOptions({ scene: 1044, chatType: 3 });
    expect(entryContext()).toEqual({ scene: 1044, chatType: 3 });
    __mock.setEnterOptions(null);
    __mock.setLaunchOptions({ scene: 1007, chatType: 1 });
    expect(entryContext()).toEqual({ scene: 1007, chatType: 1 });
  });

  it('omits a zero scene (H5 has none)', () => {
    __mock.setLaunchOptions({ scene: 0, query: {} });
    expect(entryContext()).toEqual({ scene: undefined, chatType: undefined });
  });

  it('builds the page path with its query, without Taro internals', () => {
    expect(pagePathWithQuery('/pages/product/index', { id: 'p 1', s: CODE, $taroTimestamp: '1' })).toBe(
      `pages/product/index?id=p%201&s=${CODE}`,
    );
    expect(pagePathWithQuery('pages/index/index', {})).toBe('pages/index/index');
  });
});

describe('handleEntry: remember the code and record the visit', () => {
  it('logs in silently, records the visit with scene, chat type and path, and remembers the code', async () => {
    installApi({ 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    __mock.setLaunchOptions({ scene: 1007, chatType: 1, query: { id: 'p1', s: CODE } });

    const res = await handleEntry('pages/product/index', { id: 'p1', s: CODE });

    expect(res).toEqual({ shareCode: CODE, recorded: true });
    expect(Taro.login).toHaveBeenCalledTimes(1);
    expect(requestsTo('POST', '/api/auth/wechat')[0].data).toEqual({ code: 'wx-login-code' });
    const [visit] = requestsTo('POST', '/api/visits');
    expect(visit.data).toEqual({
      shareCode: CODE,
      scene: 1007,
      chatType: 1,
      path: `pages/product/index?id=p1&s=${CODE}`,
    });
    expect(visit.header?.Authorization).toBe('Bearer consumer-token');
    expect(currentShareCode()).toBe(CODE);
  });

  it('records a wxacode scene entry with the decoded code', async () => {
    installApi({ 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    __mock.setLaunchOptions({ scene: 1047, query: {} });
    const res = await handleEntry('pages/product/index', { scene: encodeURIComponent(`s=${CODE}`) });
    expect(res.shareCode).toBe(CODE);
    expect(requestsTo('POST', '/api/visits')[0].data).toMatchObject({ shareCode: CODE, scene: 1047 });
  });

  it('does nothing without a code', async () => {
    installApi({});
    const res = await handleEntry('pages/index/index', { id: 'x' });
    expect(res).toEqual({ shareCode: null, recorded: false });
    expect(__mock.state.requests).toHaveLength(0);
    expect(currentShareCode()).toBeNull();
  });

  it('records one visit per code and page in a session', async () => {
    installApi({ 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    await handleEntry('pages/product/index', { id: 'p1', s: CODE });
    await handleEntry('pages/product/index', { id: 'p1', s: CODE });
    expect(requestsTo('POST', '/api/visits')).toHaveLength(1);
  });

  it('forgets a code the API rejects as SHARE_CODE_INVALID', async () => {
    installApi({ 'POST /api/visits': apiError(400, 'SHARE_CODE_INVALID', '分享码无效') });
    const res = await handleEntry('pages/product/index', { id: 'p1', s: CODE });
    expect(res.recorded).toBe(false);
    expect(res.shareCode === CODE && 'error' in res && res.error?.code).toBe('SHARE_CODE_INVALID');
    expect(currentShareCode()).toBeNull();
  });

  it('keeps the code (and retries later) on a transient failure', async () => {
    installApi({ 'POST /api/visits': apiError(503, 'SERVER_ERROR', 'busy') });
    await handleEntry('pages/product/index', { id: 'p1', s: CODE });
    expect(currentShareCode()).toBe(CODE);
    installApi({ 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    const again = await handleEntry('pages/product/index', { id: 'p1', s: CODE });
    expect(again.recorded).toBe(true);
  });

  it('uses an H5 pseudo-device login code when there is no wx.login', async () => {
    process.env.TARO_ENV = 'h5';
    installApi({ 'POST /api/visits': () => ({ statusCode: 202, data: null }) });
    await handleEntry('pages/index/index', { s: CODE });
    expect(Taro.login).not.toHaveBeenCalled();
    const { code } = requestsTo('POST', '/api/auth/wechat')[0].data as { code: string };
    const device = __mock.state.storage.get(KEYS.device) as string;
    expect(code.startsWith(`${device}.`)).toBe(true);
  });
});

describe('re-share keeps the guide code', () => {
  it('puts the code the page was opened with into the path', () => {
    expect(reSharePath('pages/product/index', { id: 'p1', s: CODE }, CODE)).toBe(
      `/pages/product/index?id=p1&s=${CODE}`,
    );
  });

  it('turns a scene entry into an `s` path', () => {
    expect(reSharePath('pages/product/index', { id: 'p1', scene: `s%3D${CODE}` }, CODE)).toBe(
      `/pages/product/index?id=p1&s=${CODE}`,
    );
  });

  it('falls back to the remembered code, or none', () => {
    expect(reSharePath('pages/product/index', { id: 'p1' }, null)).toBe('/pages/product/index?id=p1');
    __mock.state.storage.set(KEYS.shareCode, { code: OTHER_CODE, savedAt: 1 });
    expect(reSharePath('pages/product/index', { id: 'p1' }, null)).toBe(`/pages/product/index?id=p1&s=${OTHER_CODE}`);
  });
});

describe('a stored share code expires with the online window learned from GET /api/config', () => {
  const HOUR = 3_600_000;
  const stored = (hoursAgo: number) =>
    __mock.state.storage.set(KEYS.shareCode, { code: CODE, savedAt: Date.now() - hoursAgo * HOUR });

  it('drops a code opened longer ago than the window, keeps a younger one', async () => {
    installApi({ 'GET /api/config': { appId: 'wx1', onlineWindowHours: 48 } });
    expect(await learnShareWindow()).toBe(48);
    stored(47);
    expect(currentShareCode()).toBe(CODE);
    stored(49);
    expect(currentShareCode()).toBeNull();
    expect(__mock.state.storage.has(KEYS.shareCode)).toBe(false);
  });

  it('keeps the window it learned when the config cannot be fetched', async () => {
    installApi({ 'GET /api/config': { appId: 'wx1', onlineWindowHours: 24 } });
    await learnShareWindow();
    installApi({ 'GET /api/config': apiError(503, 'SERVER_ERROR', 'busy') });
    expect(await learnShareWindow()).toBe(24);
    stored(25);
    expect(currentShareCode()).toBeNull();
  });
});
