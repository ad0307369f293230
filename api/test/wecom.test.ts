// WeCom sidebar customer card (externalcontact/get → unionid → member) and the Official Account follower sync.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DEMO_KEYS, WechatApiClient } from '@guideshare/wechat';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { OaFollowerEntity } from '../src/wecom/oa-follower.entity.js';
import { OaFollowersService } from '../src/wecom/oa-followers.service.js';
import { withSql } from './support/database.js';
import { consumer, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({}, (s) => ({ stack, brand } = s));

const sql = <T = any>(query: string, params: unknown[] = []) =>
  withSql(stack.databaseUrl, async (c) => ((await c.query(query, params)) as any)[0] as T[]);
const card = (token: string | undefined, externalUserId: string) =>
  stack.client.get(`/api/wecom/customers/${encodeURIComponent(externalUserId)}`, token);
const syncFollowers = async () => {
  const res = await stack.client.post('/api/admin/wecom/followers/sync', {}, brand.admin);
  expect(res.status).toBe(200);
  return res.body;
};
const userKey = (prefix = 'cust') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A customer who opened guide 0's card, registered, bought 2 × 10000 fen and follows the OA; in guide 0's (and guide 2's) WeCom. */
async function fullCustomer() {
  const [g0, , g2] = brand.guides;
  const key = userKey();
  const buyer = await consumer(stack, key);
  const shared = await share(stack, g0.token, 'product', brand.product.id);
  await visit(stack, buyer.token, shared.code);
  const reg = await stack.client.post(
    '/api/members/register',
    { phoneCode: `phone:13800138000.${randomUUID()}` },
    buyer.token,
  );
  expect(reg.status).toBe(201);
  const created = await order(stack, buyer.token, { lines: [{ skuId: brand.product.skuId, quantity: 2 }] });
  expect((await payOrder(stack, buyer.token, created.body.id)).notifyStatus).toBe(204);
  stack.sim.addFollower({ userKey: key });
  const contact = stack.sim.addExternalContact({
    userKey: key,
    name: '王女士',
    followUsers: [{ userId: g0.wecomUserId }, { userId: g2.wecomUserId }],
  });
  return {
    key,
    buyer,
    orderId: created.body.id as string,
    externalUserId: contact.external_userid,
    registeredAt: reg.body.registeredAt as string,
  };
}

describe('GET /api/wecom/customers/:externalUserId', () => {
  it('shows a registered member in full: follow status, guides, service store, last visit and lifetime GMV net of refunds', async () => {
    const [g0] = brand.guides;
    const c = await fullCustomer();
    await syncFollowers();
    const lastVisit = (await sql('SELECT MAX(visitedAt) AS at FROM visits WHERE memberId = ?', [c.buyer.memberId]))[0]
      .at as Date;

    const res = await card(g0.token, c.externalUserId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      externalUserId: c.externalUserId,
      name: '王女士',
      customerStatus: 'MEMBER',
      message: expect.any(String),
      isMember: true,
      followsOfficialAccount: true,
      authorizedMiniProgram: true,
      openingGuide: { id: g0.id, name: '导购0', storeId: brand.stores[0].id, status: 'active' },
      serviceStore: { id: brand.stores[0].id, name: '上海店', city: '上海' },
      serviceGuide: { id: g0.id, name: '导购0', storeId: brand.stores[0].id, status: 'active' },
      registeredAt: c.registeredAt,
      lastVisitAt: lastVisit.toISOString(),
      lifetimeGmvFen: 20000,
      lifetimeOrders: 1,
    });

    // A refund lowers the lifetime GMV; an unpaid order does not count.
    const refund = await stack.client.post(
      `/api/orders/${c.orderId}/refunds`,
      { amountFen: 7500, reason: '退一件' },
      brand.admin,
      { 'idempotency-key': `refund-${randomUUID()}` },
    );
    expect(refund.status).toBe(201);
    expect(await stack.sim.completeRefund(refund.body.outRefundNo, 'SUCCESS')).toBe(204);
    await order(stack, c.buyer.token, { lines: [{ skuId: brand.cheap.skuId, quantity: 1 }] });
    const after = await card(g0.token, c.externalUserId);
    expect(after.body).toMatchObject({ lifetimeGmvFen: 12500, lifetimeOrders: 1 });
  });

  it('lets a guide of another store who has the customer in WeCom see the card; refuses a guide who does not', async () => {
    const [g0, g1, g2] = brand.guides;
    const c = await fullCustomer();
    // g2 works in the Hangzhou store; the customer is served by the Shanghai store.
    const other = await card(g2.token, c.externalUserId);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      isMember: true,
      serviceStore: { id: brand.stores[0].id },
      serviceGuide: { id: g0.id },
      lifetimeGmvFen: 20000,
    });
    // g1 is in the customer's own service store but not among the contact's follow users.
    const stranger = await card(g1.token, c.externalUserId);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('NOT_YOUR_CONTACT');
  });

  it('answers "not yet a customer" for a contact without a unionid', async () => {
    const [g0] = brand.guides;
    const externalUserId = `wm${randomUUID().replace(/-/g, '')}`;
    stack.sim.addExternalContact({
      externalUserId,
      name: '张先生',
      unionid: null,
      followUsers: [{ userId: g0.wecomUserId }],
    });
    const res = await card(g0.token, externalUserId);
    expect(res.status).toBe(200);
    const notYet = { isMember: false, followsOfficialAccount: false, authorizedMiniProgram: false };
    const unserved = { openingGuide: null, serviceStore: null, serviceGuide: null };
    const noHistory = { registeredAt: null, lastVisitAt: null, lifetimeGmvFen: 0, lifetimeOrders: 0 };
    expect(res.body).toEqual({
      externalUserId,
      name: '张先生',
      customerStatus: 'NO_UNIONID',
      message: expect.stringContaining('尚未成为顾客'),
      ...notYet,
      ...unserved,
      ...noHistory,
    });
  });

  it('answers "not yet a customer" for a unionid that is no member, still telling whether they follow the OA', async () => {
    const [g0] = brand.guides;
    const key = userKey();
    stack.sim.addFollower({ userKey: key });
    await syncFollowers();
    const contact = stack.sim.addExternalContact({ userKey: key, followUsers: [{ userId: g0.wecomUserId }] });
    expect(contact.unionid).toBe(stack.sim.user(key).unionid);
    const res = await card(g0.token, contact.external_userid);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customerStatus: 'NOT_A_CUSTOMER',
      message: expect.stringContaining('尚未成为顾客'),
      isMember: false,
      followsOfficialAccount: true,
      authorizedMiniProgram: false,
      openingGuide: null,
      serviceGuide: null,
      lifetimeGmvFen: 0,
    });
  });

  it('tells a mini-program user who has not registered from a member', async () => {
    const [g0] = brand.guides;
    const key = userKey();
    const buyer = await consumer(stack, key);
    const shared = await share(stack, g0.token, 'product', brand.product.id);
    await visit(stack, buyer.token, shared.code);
    const contact = stack.sim.addExternalContact({ userKey: key, followUsers: [{ userId: g0.wecomUserId }] });
    const res = await card(g0.token, contact.external_userid);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customerStatus: 'NOT_REGISTERED',
      isMember: false,
      followsOfficialAccount: false,
      authorizedMiniProgram: true,
      openingGuide: { id: g0.id },
      serviceGuide: { id: g0.id },
      registeredAt: null,
      lastVisitAt: expect.any(String),
      lifetimeGmvFen: 0,
    });
  });

  it('is 404 for a contact WeCom does not know, 400 for a malformed id, and for active guides only', async () => {
    const [g0] = brand.guides;
    const unknown = await card(g0.token, 'wmDoesNotExist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('EXTERNAL_CONTACT_NOT_FOUND');
    const malformed = await card(g0.token, 'bad id!');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');

    const c = await fullCustomer();
    const buyerToken = c.buyer.token;
    expect((await card(buyerToken, c.externalUserId)).status).toBe(403);
    expect((await card(brand.admin, c.externalUserId)).status).toBe(403);
    expect((await card(undefined, c.externalUserId)).status).toBe(401);

    // A departed guide's token still verifies for a while; the card refuses it.
    const leaver = await stack.client.post(
      '/api/admin/guides',
      { storeId: brand.stores[0].id, name: '离职导购', wecomUserId: `leaver-${randomUUID().slice(0, 8)}` },
      brand.admin,
    );
    const login = await stack.client.post('/api/auth/guide', { code: `${leaver.body.wecomUserId}.1` });
    stack.sim.addExternalContact({ userKey: c.key, followUsers: [{ userId: leaver.body.wecomUserId }] });
    expect((await card(login.body.token, c.externalUserId)).status).toBe(200);
    expect((await stack.client.post(`/api/admin/guides/${leaver.body.id}/depart`, {}, brand.admin)).status).toBe(201);
    const departed = await card(login.body.token, c.externalUserId);
    // The departed guide's token stops working at once.
    expect(departed.status).toBe(401);
    expect(departed.body.error.code).toBe('GUIDE_DEPARTED');
  });
});

describe('Official Account follower sync', () => {
  it('stores followers by unionid, skips those without one, and marks who unfollowed', async () => {
    const keys = [userKey('f'), userKey('f')];
    const noUnion = userKey('nounion');
    for (const key of [...keys, noUnion]) stack.sim.addFollower({ userKey: key });
    const first = await syncFollowers();
    expect(first.listed).toBe(stack.sim.state.followers.size);
    expect(first.withoutUnionid).toBeGreaterThanOrEqual(1);
    expect(first.stored).toBe(first.listed - first.withoutUnionid);
    const stored = await sql(
      'SELECT unionid, oaOpenid, subscribed FROM oa_followers WHERE unionid IN (?, ?)',
      keys.map((k) => stack.sim.user(k).unionid),
    );
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.subscribed === 1)).toBe(true);
    expect(stored.map((r) => r.oaOpenid).sort()).toEqual(keys.map((k) => stack.sim.user(k).oaOpenid).sort());
    expect(await sql('SELECT * FROM oa_followers WHERE oaOpenid = ?', [stack.sim.user(noUnion).oaOpenid])).toHaveLength(
      0,
    );

    // keys[0] unfollows; the next sync notices.
    stack.sim.state.followers.delete(stack.sim.user(keys[0]).oaOpenid);
    const second = await syncFollowers();
    expect(second.unfollowed).toBe(1);
    const rows = await sql(
      'SELECT unionid, subscribed FROM oa_followers WHERE unionid IN (?, ?)',
      keys.map((k) => stack.sim.user(k).unionid),
    );
    expect(Object.fromEntries(rows.map((r) => [r.unionid, r.subscribed]))).toEqual({
      [stack.sim.user(keys[0]).unionid!]: 0,
      [stack.sim.user(keys[1]).unionid!]: 1,
    });
    // Following again brings them back.
    stack.sim.addFollower({ userKey: keys[0] });
    expect((await syncFollowers()).unfollowed).toBe(0);
    expect(
      (await sql('SELECT subscribed FROM oa_followers WHERE unionid = ?', [stack.sim.user(keys[0]).unionid]))[0]
        .subscribed,
    ).toBe(1);
  });

  it('pages through user/get and batches user/info/batchget', async () => {
    // A simulator with 3-openid pages, driven through the production sync against the test database.
    const sim = await startWechatSimulator({ port: 0, followerPageSize: 3 });
    try {
      const keys = Array.from({ length: 7 }, () => userKey('p'));
      for (const key of keys) sim.addFollower({ userKey: key });
      const client = new WechatApiClient({ baseUrl: sim.url, appId: DEMO_KEYS.appId, secret: DEMO_KEYS.appSecret });
      const repo = stack.app.get(DataSource).getRepository(OaFollowerEntity);
      const result = await new OaFollowersService(repo, client).sync();
      expect(result).toMatchObject({ listed: 7, stored: 7, withoutUnionid: 0 });
      const rows = await sql(
        `SELECT unionid FROM oa_followers WHERE unionid IN (${keys.map(() => '?').join(',')})`,
        keys.map((k) => sim.user(k).unionid),
      );
      expect(rows).toHaveLength(7);
    } finally {
      await sim.close();
    }
  });

  it('is for admins only', async () => {
    expect((await stack.client.post('/api/admin/wecom/followers/sync', {}, brand.guides[0].token)).status).toBe(403);
    expect((await stack.client.post('/api/admin/wecom/followers/sync', {})).status).toBe(401);
  });
});
