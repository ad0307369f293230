import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { consumer, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { entriesOf, sql } from './support/money.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({ productRateBps: 800 }, (s) => ({ stack, brand } = s));

const address = {
  name: '韩梅梅',
  phone: '13900139000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路 99 号',
};

/** Everything in the database that still names this WeChat user or their phone and address. */
async function traces(openid: string, unionid: string | null, memberId: string) {
  const hits: string[] = [];
  const checks: Array<[string, string, unknown[]]> = [
    [
      'members',
      'SELECT id FROM members WHERE openid = ? OR unionid = ? OR phone = ?',
      [openid, unionid ?? openid, '13800138000'],
    ],
    ['payments', 'SELECT id FROM payments WHERE payerOpenid = ?', [openid]],
    ['member_wechat_sessions', 'SELECT memberId FROM member_wechat_sessions WHERE memberId = ?', [memberId]],
    [
      'fulfilments',
      'SELECT orderId FROM fulfilments WHERE addrPhone = ? OR addrName = ? OR addrDetail = ?',
      [address.phone, address.name, address.detail],
    ],
    ['member_addresses', 'SELECT memberId FROM member_addresses WHERE phone = ?', [address.phone]],
  ];
  for (const [table, query, params] of checks) if ((await sql(stack, query, params)).length) hits.push(table);
  return hits;
}

describe('privacy: data export and account deletion', () => {
  it('shows the member their data, then deletes the account: no login as that member, money facts kept, person gone', async () => {
    const userKey = `del-${randomUUID()}`;
    const buyer = await consumer(stack, userKey);
    const registered = await stack.client.post(
      '/api/members/register',
      { phoneCode: `phone:13800138000.${randomUUID()}` },
      buyer.token,
    );
    expect(registered.status).toBe(201);
    const card = await share(stack, brand.guides[0].token, 'product', brand.product.id);
    await visit(stack, buyer.token, card.code);
    const created = await order(stack, buyer.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1 }],
      fulfilment: { type: 'delivery', address },
    });
    expect(created.status).toBe(201);
    await payOrder(stack, buyer.token, created.body.id);

    const exported = await stack.client.get('/api/members/me/data', buyer.token);
    expect(exported.status).toBe(200);
    expect(exported.body.member).toMatchObject({ id: buyer.memberId, openid: buyer.openid, phone: '13800138000' });
    // The service guide and store by name, as the member's own page shows them.
    expect(exported.body.member.serviceGuide).toMatchObject({ id: brand.guides[0].id, name: '导购0' });
    expect(exported.body.member.serviceStore).toMatchObject(brand.stores[0]);
    expect(exported.body.addresses).toEqual([{ ...address, updatedAt: expect.any(String) }]);
    expect(exported.body.orders.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    expect(exported.body.visits).toEqual([
      expect.objectContaining({ shareCode: card.code, guideId: brand.guides[0].id }),
    ]);
    expect(Object.keys(exported.body.purposes)).toEqual(
      expect.arrayContaining(['member', 'addresses', 'orders', 'visits']),
    );

    // A paid order still on its way keeps the account (its address is needed to deliver it).
    const early = await stack.client.request('DELETE', '/api/members/me', { token: buyer.token });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ACCOUNT_HAS_OPEN_ORDERS');
    await stack.client.post(
      `/api/admin/orders/${created.body.id}/shipment`,
      { carrier: '顺丰', trackingNo: 'SF42' },
      brand.admin,
    );
    expect((await stack.client.post(`/api/orders/${created.body.id}/receipt`, {}, buyer.token)).status).toBe(200);

    const before = (await stack.client.get(`/api/orders/${created.body.id}`, brand.admin)).body;
    const ledgerBefore = await entriesOf(stack, created.body.id);
    expect(ledgerBefore.map((e) => e.amountFen)).toEqual([800]);
    const unionid: string | null = exported.body.member.unionid;
    expect(await traces(buyer.openid, unionid, buyer.memberId)).not.toEqual([]);

    const sessionRows = 'SELECT memberId FROM member_wechat_sessions WHERE memberId = ?';
    expect(await sql(stack, sessionRows, [buyer.memberId])).toHaveLength(1);
    const deleted = await stack.client.request('DELETE', '/api/members/me', { token: buyer.token });
    expect(deleted.status).toBe(204);

    // The old token is dead at once.
    for (const path of ['/api/members/me', '/api/orders', '/api/members/me/data'])
      expect((await stack.client.get(path, buyer.token)).status).toBe(401);

    // Logging in again with the same WeChat user is a new member who sees nothing of the old one.
    const again = await consumer(stack, userKey);
    expect(again.openid).toBe(buyer.openid);
    expect(again.memberId).not.toBe(buyer.memberId);
    expect((await stack.client.get('/api/orders', again.token)).body).toEqual([]);
    expect((await stack.client.get('/api/members/me/addresses', again.token)).body).toEqual([]);
    const fresh = (await stack.client.get('/api/members/me', again.token)).body;
    expect(fresh).toMatchObject({ id: again.memberId, registeredAt: null, serviceGuideId: null });

    // The order keeps its money facts and attribution; the personal fields are gone.
    const after = (await stack.client.get(`/api/orders/${created.body.id}`, brand.admin)).body;
    const { fulfilment: fBefore, ...moneyBefore } = before;
    const { fulfilment: fAfter, ...moneyAfter } = after;
    expect(moneyAfter).toEqual(moneyBefore);
    expect(moneyAfter).toMatchObject({ memberId: buyer.memberId, totalFen: 10000, paidFen: 10000 });
    expect(moneyAfter.attribution.guideId).toBe(brand.guides[0].id);
    expect(fBefore.address).toEqual(address);
    expect(fAfter).toMatchObject({ type: 'delivery', status: 'FULFILLED', address: null, trackingNo: 'SF42' });
    expect(await entriesOf(stack, created.body.id)).toEqual(ledgerBefore);
    const [payment] = await sql(stack, 'SELECT amountFen, transactionId, payerOpenid FROM payments WHERE orderId = ?', [
      created.body.id,
    ]);
    expect(payment).toMatchObject({ amountFen: 10000, payerOpenid: '' });
    expect(payment.transactionId).toEqual(expect.any(String));
    const [row] = await sql(stack, 'SELECT openid, unionid, phone, codeNo, deletedAt FROM members WHERE id = ?', [
      buyer.memberId,
    ]);
    expect(row).toMatchObject({ openid: `deleted:${buyer.memberId}`, unionid: null, phone: null, codeNo: null });
    expect(row.deletedAt).not.toBeNull();
    // Only the new member carries the WeChat identity now.
    expect(await sql(stack, 'SELECT id FROM members WHERE openid = ?', [buyer.openid])).toEqual([
      { id: again.memberId },
    ]);
    expect(await traces(buyer.openid, unionid, buyer.memberId)).toEqual(['members']);
    expect(await sql(stack, sessionRows, [buyer.memberId])).toEqual([]);
    expect(
      await sql(stack, 'SELECT orderId FROM fulfilments WHERE memberId = ? AND addrName IS NOT NULL', [buyer.memberId]),
    ).toEqual([]);
  });

  it('refuses a second person’s token for these endpoints and lets nobody but consumers use them', async () => {
    expect((await stack.client.get('/api/members/me/data', brand.admin)).status).toBe(403);
    expect((await stack.client.request('DELETE', '/api/members/me', { token: brand.admin })).status).toBe(403);
    expect((await stack.client.request('DELETE', '/api/members/me', {})).status).toBe(401);
    const other = await consumer(stack);
    expect((await stack.client.get('/api/members/me/data', other.token)).body.orders).toEqual([]);
  });
});
