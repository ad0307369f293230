// Group attribution (社群): a card opened in a WeChat group carries wx.getGroupEnterInfo's encrypted
// data; the API decrypts it with the member's session key (kept from login) to the openGId, and the
// group reports equal a hand-computed fixture.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, businessDate } from '../src/common/business-time.js';
import { withSql } from './support/database.js';
import { consumer, createBrand, order, payOrder, share, type Brand } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let brand: Brand;
let A: { code: string };
let B: { code: string };
let finance: string;
const today = () => businessDate(new Date(), 'Asia/Shanghai');
const period = () => `from=${addDays(today(), -1)}&to=${addDays(today(), 1)}`;
const G1 = 'tGgroupOne0000000000000001';
const G2 = 'tGgroupTwo0000000000000002';

type Member = Awaited<ReturnType<typeof consumer>> & { key: string };
const people: Record<string, Member> = {};

async function login(key: string) {
  people[key] = { ...(await consumer(stack, key)), key };
  return people[key]!;
}

function groupVisit(who: Member, code: string, opengid: string) {
  return stack.client.post(
    '/api/visits',
    { shareCode: code, scene: 1044, chatType: 3, group: stack.sim.groupEnterInfo(who.key, opengid) },
    who.token,
  );
}

async function buy(who: Member, code: string, skuId: string) {
  const o = await order(stack, who.token, { lines: [{ skuId, quantity: 1 }], shareCode: code });
  expect(o.status).toBe(201);
  await payOrder(stack, who.token, o.body.id);
  return o.body.id as string;
}

const visitRows = () =>
  withSql(stack.databaseUrl, async (c) => (await c.query('SELECT memberId, openGId FROM visits'))[0] as any[]);

beforeAll(async () => {
  stack = await startStack();
  brand = await createBrand(stack);
  A = await share(stack, brand.guides[0]!.token, 'product', brand.product.id);
  B = await share(stack, brand.guides[1]!.token, 'product', brand.cheap.id);
  const staff = await stack.client.post(
    '/api/admin/staff',
    { username: 'fin-groups', password: 'finance-pass-1', role: 'finance' },
    brand.admin,
  );
  expect(staff.status).toBe(201);
  finance = (await stack.client.post('/api/auth/staff', { username: 'fin-groups', password: 'finance-pass-1' })).body
    .token;
}, 60_000);
afterAll(() => stack?.close());

describe('POST /api/visits with group data', () => {
  it('decrypts to the group the card was opened in and records it with the visit', async () => {
    const alice = await login('alice-g');
    const res = await groupVisit(alice, A.code, G1);
    expect(res.status).toBe(202);
    expect(await visitRows()).toEqual([{ memberId: alice.memberId, openGId: G1 }]);
  });

  it('refuses data that does not decrypt with this member\u2019s session key, recording nothing', async () => {
    const mallory = await login('mallory-g');
    const before = (await visitRows()).length;
    const foreign = stack.sim.groupEnterInfo('alice-g', G1); // alice's session, not mallory's
    const garbage = {
      encryptedData: Buffer.alloc(48, 1).toString('base64'),
      iv: Buffer.alloc(16, 2).toString('base64'),
    };
    const flipped = stack.sim.groupEnterInfo('mallory-g', G1);
    const bytes = Buffer.from(flipped.encryptedData, 'base64');
    bytes[bytes.length - 1]! ^= 0xff;
    for (const group of [foreign, garbage, { ...flipped, encryptedData: bytes.toString('base64') }]) {
      const r = await stack.client.post('/api/visits', { shareCode: A.code, group }, mallory.token);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('GROUP_DATA_INVALID');
    }
    for (const group of [null, { encryptedData: 'x', iv: 'short' }, 'text']) {
      const r = await stack.client.post('/api/visits', { shareCode: A.code, group }, mallory.token);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await visitRows()).length).toBe(before);
    // nothing bound mallory either
    const [m] = await withSql(
      stack.databaseUrl,
      async (c) => (await c.query('SELECT serviceGuideId FROM members WHERE id = ?', [mallory.memberId]))[0] as any[],
    );
    expect(m.serviceGuideId).toBeNull();
  });

  it('never returns the session key', async () => {
    const r = await stack.client.post('/api/auth/wechat', { code: 'alice-g.again' });
    expect(JSON.stringify(r.body)).not.toContain(stack.sim.user('alice-g').sessionKey);
    const [row] = await withSql(
      stack.databaseUrl,
      async (c) =>
        (
          await c.query('SELECT sealedKey FROM member_wechat_sessions WHERE memberId = ?', [
            people['alice-g']!.memberId,
          ])
        )[0] as any[],
    );
    expect(row.sealedKey).not.toContain(stack.sim.user('alice-g').sessionKey);
  });
});

describe('group reports (hand-computed fixture)', () => {
  beforeAll(async () => {
    const alice = people['alice-g']!; // opened A in G1 above
    const bob = await login('bob-g');
    const carol = await login('carol-g');
    const dave = await login('dave-g');
    const erin = await login('erin-g');
    await buy(alice, A.code, brand.product.skuId); // 10000
    await buy(alice, A.code, brand.cheap.skuId); //    3333
    expect((await groupVisit(bob, A.code, G1)).status).toBe(202);
    expect((await groupVisit(bob, A.code, G1)).status).toBe(202);
    expect((await groupVisit(carol, A.code, G2)).status).toBe(202);
    const unpaid = await order(stack, carol.token, {
      lines: [{ skuId: brand.product.skuId, quantity: 1 }],
      shareCode: A.code,
    });
    expect(unpaid.status).toBe(201); // never paid: no sale
    expect((await groupVisit(dave, B.code, G1)).status).toBe(202);
    await buy(dave, B.code, brand.cheap.skuId); // 3333
    // erin came through a 1:1 chat, not a group, and buys twice
    expect(
      (await stack.client.post('/api/visits', { shareCode: A.code, scene: 1007, chatType: 1 }, erin.token)).status,
    ).toBe(202);
    await buy(erin, A.code, brand.product.skuId); // 10000
    await buy(erin, A.code, brand.product.skuId); // 10000
  }, 60_000);

  /** One guide's shares in one group: [visits, visitors, buyers, orders, gmvFen]. */
  const groupRow = (openGId: string, guideIndex: number, figures: number[]) => {
    const [visits, visitors, buyers, orders, gmvFen] = figures;
    return { openGId, guideId: brand.guides[guideIndex]!.id, visits, visitors, buyers, orders, gmvFen };
  };
  const G1g0 = () => groupRow(G1, 0, [3, 2, 1, 2, 13333]);
  const G1g1 = () => groupRow(G1, 1, [1, 1, 1, 1, 3333]);
  const G2g0 = () => groupRow(G2, 0, [1, 1, 0, 0, 0]);

  it('GET /api/reports/groups: per group and guide', async () => {
    const r = await stack.client.get(`/api/reports/groups?${period()}`, finance);
    expect(r.status).toBe(200);
    expect(r.body.groups).toEqual([G1g0(), G1g1(), G2g0()]);
    const one = await stack.client.get(`/api/reports/groups?${period()}&guideId=${brand.guides[0]!.id}`, brand.admin);
    expect(one.body.groups).toEqual([G1g0(), G2g0()]);
    const before = await stack.client.get(`/api/reports/groups?from=2020-01-01&to=2020-01-31`, finance);
    expect(before.body.groups).toEqual([]);
    expect((await stack.client.get(`/api/reports/groups?${period()}`, brand.guides[0]!.token)).status).toBe(403);
  });

  it('GET /api/guides/me/groups: the guide\u2019s own groups only', async () => {
    const r = await stack.client.get(`/api/guides/me/groups?${period()}`, brand.guides[1]!.token);
    expect(r.status).toBe(200);
    expect(r.body.groups).toEqual([G1g1()]);
  });

  it('GET /api/reports/group-repurchase: members who came through a group vs the rest', async () => {
    const r = await stack.client.get(`/api/reports/group-repurchase?${period()}`, finance);
    expect(r.status).toBe(200);
    expect(r.body.viaGroup).toEqual({
      buyers: 2, // alice (2 sales), dave (1)
      repeatBuyers: 1,
      orders: 3,
      gmvFen: 16666,
      repurchaseRate: { numerator: 1, denominator: 2, bps: 5000 },
    });
    expect(r.body.others).toEqual({
      buyers: 1, // erin (2 sales)
      repeatBuyers: 1,
      orders: 2,
      gmvFen: 20000,
      repurchaseRate: { numerator: 1, denominator: 1, bps: 10000 },
    });
  });
});
