import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { DEMO_KEYS } from './demo-keys.js';
import { errcodeOf } from './testing/errors.js';
import { startWechatSimulator, type WechatSimulator } from './simulator/server.js';
import { wxacodeContent } from './simulator/wxa-routes.js';
import { WechatApiClient } from './wechat-api-client.js';

const K = DEMO_KEYS;
let sim: WechatSimulator;
beforeAll(async () => {
  sim = await startWechatSimulator();
});
afterAll(() => sim.close());

const client = () => new WechatApiClient({ baseUrl: sim.url, appId: K.appId, secret: K.appSecret });

type Decode = typeof jsqr.default;
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);

function decodeQr(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('stable_token', () => {
  it('gives every instance the same token, so one never invalidates another', async () => {
    const a = client();
    const b = client();
    const ta = await a.getAccessToken();
    const tb = await b.getAccessToken();
    expect(tb).toBe(ta);
    // both still work after the second instance fetched its token
    await a.getUnlimitedWxacode({ scene: 'A1', page: 'pages/index/index' });
    await b.getUnlimitedWxacode({ scene: 'B1', page: 'pages/index/index' });
  });

  it('issues a new token once the old one expired', async () => {
    const a = client();
    const t1 = await a.getAccessToken();
    sim.expireAccessTokens();
    const code = await a.getUnlimitedWxacode({ scene: 'C1', page: 'pages/index/index' });
    expect(code.bytes.length).toBeGreaterThan(0);
    expect(await client().getAccessToken()).not.toBe(t1);
  });
});

describe('wxa/getwxacodeunlimit', () => {
  it('answers a PNG whose QR encodes the page and the scene', async () => {
    const before = sim.state.wxacodeRequests.length;
    const code = await client().getUnlimitedWxacode({ scene: 'Ab3xYz0123456789abcdEF', page: 'pages/product/index' });
    expect(code.contentType).toBe('image/png');
    expect(code.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(decodeQr(code.bytes)).toBe(wxacodeContent(K.appId, 'pages/product/index', 'Ab3xYz0123456789abcdEF'));
    expect(sim.state.wxacodeRequests.slice(before)).toEqual([
      { scene: 'Ab3xYz0123456789abcdEF', page: 'pages/product/index', width: 430 },
    ]);
  });

  it('validates the token, the scene and the page like WeChat', async () => {
    const post = async (token: string, body: unknown) =>
      (await fetch(`${sim.url}/wxa/getwxacodeunlimit?access_token=${token}`, {
        method: 'POST',
        body: JSON.stringify(body),
      }).then((r) => r.json())) as { errcode: number };
    expect((await post('forged', { scene: 'x', page: 'pages/index/index' })).errcode).toBe(40001);
    const c = client();
    expect(await errcodeOf(c.getUnlimitedWxacode({ scene: 'a'.repeat(33), page: 'pages/index/index' }))).toBe(40129);
    expect(await errcodeOf(c.getUnlimitedWxacode({ scene: '中文', page: 'pages/index/index' }))).toBe(40129);
    expect(await errcodeOf(c.getUnlimitedWxacode({ scene: 'ok', page: '/pages/index/index' }))).toBe(41030);
    expect(await errcodeOf(c.getUnlimitedWxacode({ scene: 'ok', page: 'pages/index/index?a=1' }))).toBe(41030);
  });
});
