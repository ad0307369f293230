import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DEMO_KEYS } from './demo-keys.js';
import { errcodeOf } from './testing/errors.js';
import { startWechatSimulator, type WechatSimulator } from './simulator/server.js';
import { WechatApiClient } from './wechat-api-client.js';
import { WecomClient } from './wecom-client.js';

const K = DEMO_KEYS;
let sim: WechatSimulator;
beforeAll(async () => {
  sim = await startWechatSimulator({ followerPageSize: 2 });
});
afterAll(() => sim.close());

const mp = () => new WechatApiClient({ baseUrl: sim.url, appId: K.appId, secret: K.appSecret });
const wecom = () => new WecomClient({ baseUrl: sim.url, corpId: K.corpId, secret: K.corpSecret });

describe('WechatApiClient against the simulator', () => {
  it('code2Session maps a code to its user key deterministically', async () => {
    const client = mp();
    const a1 = await client.code2Session('alice.1');
    const a2 = await client.code2Session('alice.2');
    const bob = await client.code2Session('bob');
    const expected = 'o' + createHash('sha256').update('mp:alice').digest('base64url').slice(0, 27);
    expect(a1).toEqual(a2);
    expect(a1.openid).toBe(expected);
    expect(a1.openid).toHaveLength(28);
    expect(a1.unionid).toMatch(/^u[\w-]{27}$/);
    expect(a1.sessionKey).toBeTruthy();
    expect(bob.openid).not.toBe(a1.openid);
    expect((await client.code2Session('nounion-carol.1')).unionid).toBeUndefined();
    expect(sim.user('alice').openid).toBe(a1.openid);
  });

  it('rejects invalid codes and wrong credentials with WeChat errcodes', async () => {
    expect(await errcodeOf(mp().code2Session(''))).toBe(40029);
    expect(await errcodeOf(mp().code2Session('.x'))).toBe(40029);
    expect(await errcodeOf(mp().code2Session('bad code!'))).toBe(40029);
    expect(
      await errcodeOf(new WechatApiClient({ baseUrl: sim.url, appId: K.appId, secret: 'wrong' }).code2Session('alice')),
    ).toBe(40125);
    expect(
      await errcodeOf(new WechatApiClient({ baseUrl: sim.url, appId: 'wx0000', secret: K.appSecret }).getAccessToken()),
    ).toBe(40013);
  });

  it('caches the access token and refreshes it once when WeChat expires it', async () => {
    const client = mp();
    const before = sim.state.tokenRequests.mp;
    const [t1, t2] = await Promise.all([client.getAccessToken(), client.getAccessToken()]);
    expect(t1).toBe(t2);
    expect(await client.getAccessToken()).toBe(t1);
    expect(sim.state.tokenRequests.mp).toBe(before + 1);
    sim.expireAccessTokens();
    await client.getUserPhoneNumber('phone:13900000001.refresh');
    expect(sim.state.tokenRequests.mp).toBe(before + 2);
  });

  it('refreshes a cached token shortly before it expires', async () => {
    let now = 0;
    const client = new WechatApiClient({ baseUrl: sim.url, appId: K.appId, secret: K.appSecret, now: () => now });
    const before = sim.state.tokenRequests.mp;
    const t1 = await client.getAccessToken();
    now = (7200 - 301) * 1000;
    expect(await client.getAccessToken()).toBe(t1);
    now = (7200 - 299) * 1000;
    // fetched again (stable_token answers the same token while WeChat still holds it valid)
    expect(await client.getAccessToken()).toBe(t1);
    expect(sim.state.tokenRequests.mp).toBe(before + 2);
  });

  it('exchanges a phone code once; a reused code is 40029', async () => {
    const client = mp();
    const info = await client.getUserPhoneNumber('phone:13800138000.abc');
    expect(info).toMatchObject({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
      watermark: { appid: K.appId },
    });
    expect(await errcodeOf(client.getUserPhoneNumber('phone:13800138000.abc'))).toBe(40029);
    expect((await client.getUserPhoneNumber('phone:13800138000.def')).phoneNumber).toBe('13800138000');
    expect(await errcodeOf(client.getUserPhoneNumber('alice'))).toBe(40029);
  });

  it('pages Official Account followers and batch-gets their unionids', async () => {
    sim.addFollower({ userKey: 'alice' });
    sim.addFollower({ userKey: 'bob' });
    sim.addFollower({ openid: 'oOA_custom_000000000000000000', unionid: 'uCustom' });
    const client = mp();
    const openids: string[] = [];
    let next: string | undefined;
    for (;;) {
      const page = await client.listFollowers(next);
      expect(page.total).toBe(3);
      if (page.count === 0) break;
      openids.push(...page.openids);
      next = page.nextOpenid;
    }
    expect(openids).toEqual([sim.user('alice').oaOpenid, sim.user('bob').oaOpenid, 'oOA_custom_000000000000000000']);
    const infos = await client.batchGetUserInfo([...openids, 'oUnknown']);
    expect(infos.map((i) => [i.subscribe, i.unionid])).toEqual([
      [1, sim.user('alice').unionid],
      [1, sim.user('bob').unionid],
      [1, 'uCustom'],
      [0, undefined],
    ]);
    sim.removeFollower(sim.user('bob').oaOpenid);
    expect((await client.batchGetUserInfo([sim.user('bob').oaOpenid]))[0]!.subscribe).toBe(0);
  });

  it('batches more than 100 openids into several calls', async () => {
    const ids = Array.from({ length: 205 }, (_, i) => `oX${i}`);
    const infos = await mp().batchGetUserInfo(ids);
    expect(infos.map((i) => i.openid)).toEqual(ids);
  });
});

describe('WecomClient against the simulator', () => {
  it('logs a guide in: code → userid (part before the first dot)', async () => {
    expect(await wecom().getUserInfo('zhangsan.0001')).toEqual({ userId: 'zhangsan' });
    expect(await errcodeOf(wecom().getUserInfo(''))).toBe(40029);
    expect(
      await errcodeOf(new WecomClient({ baseUrl: sim.url, corpId: K.corpId, secret: 'nope' }).getUserInfo('x')),
    ).toBe(40001);
  });

  it('reads an external contact with its follow users and the unionid join key', async () => {
    const seeded = sim.addExternalContact({
      userKey: 'alice',
      name: 'Alice',
      followUsers: [{ userId: 'zhangsan', state: 'S1abc', createTime: 1_700_000_000 }, { userId: 'lisi' }],
    });
    const c = await wecom().getExternalContact(seeded.external_userid);
    expect(c).toMatchObject({
      externalUserId: seeded.external_userid,
      name: 'Alice',
      type: 1,
      unionid: sim.user('alice').unionid,
    });
    expect(c.followUsers).toHaveLength(2);
    expect(c.followUsers[0]).toMatchObject({
      userId: 'zhangsan',
      state: 'S1abc',
      createTime: 1_700_000_000,
      addWay: 1,
    });
    expect(await errcodeOf(wecom().getExternalContact('wmUnknown'))).toBe(84061);
  });

  it('follows next_cursor past 500 follow users', async () => {
    const followUsers = Array.from({ length: 1203 }, (_, i) => ({ userId: `g${i}` }));
    sim.addExternalContact({ externalUserId: 'wmPopular', unionid: null, followUsers });
    const c = await wecom().getExternalContact('wmPopular');
    expect(c.followUsers.map((f) => f.userId)).toEqual(followUsers.map((f) => f.userId));
    expect(c.unionid).toBeUndefined();
  });

  it('uses separate tokens: a WeCom token is not an mini-program token', async () => {
    const t = await wecom().getAccessToken();
    const res = await fetch(`${sim.url}/wxa/business/getuserphonenumber?access_token=${t}`, {
      method: 'POST',
      body: '{"code":"phone:13800000000"}',
    });
    expect(((await res.json()) as { errcode: number }).errcode).toBe(40001);
  });
});
