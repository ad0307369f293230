// Membership registration (开卡): getPhoneNumber code → phone, opening/service guide from the share touch, idempotent.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { withSql } from './support/database.js';
import { consumer, share, visit, type Brand } from './support/fixtures.js';
import { useBrandStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

let stack: TestStack, brand: Brand;
useBrandStack({}, (s) => ({ stack, brand } = s));

const sql = <T = any>(query: string, params: unknown[] = []) =>
  withSql(stack.databaseUrl, async (c) => ((await c.query(query, params)) as any)[0] as T[]);
const memberRow = async (id: string) => (await sql('SELECT * FROM members WHERE id = ?', [id]))[0];
const registrationRows = (memberId: string) => sql('SELECT * FROM member_registrations WHERE memberId = ?', [memberId]);
const phoneCode = (phone = '13800138000') => `phone:${phone}.${randomUUID()}`;
const register = (token: string | undefined, body: unknown) => stack.client.post('/api/members/register', body, token);

async function touchedBy(guide: Brand['guides'][number]) {
  const card = await share(stack, guide.token, 'product', brand.product.id);
  const buyer = await consumer(stack);
  await visit(stack, buyer.token, card.code);
  return { buyer, card };
}

describe('POST /api/members/register', () => {
  it('exchanges the phone code and credits the guide of the share touch as opening and service guide', async () => {
    const [guide] = brand.guides;
    const { buyer, card } = await touchedBy(guide);
    const code = phoneCode('13912345678');
    const before = Date.now();
    const res = await register(buyer.token, { phoneCode: code });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: buyer.memberId,
      openid: buyer.openid,
      phone: '13912345678',
      openingGuideId: guide.id,
      serviceGuideId: guide.id,
      serviceStoreId: guide.storeId,
    });
    expect(new Date(res.body.registeredAt).getTime()).toBeGreaterThanOrEqual(before - 5);
    // The code went to WeChat (the simulator now refuses it as used).
    expect(stack.sim.state.usedPhoneCodes.has(code)).toBe(true);
    const member = await memberRow(buyer.memberId);
    expect(member).toMatchObject({ phone: '13912345678', openingGuideId: guide.id, serviceGuideId: guide.id });
    expect(await registrationRows(buyer.memberId)).toEqual([
      expect.objectContaining({
        openingGuideId: guide.id,
        openingStoreId: guide.storeId,
        touchGuideId: guide.id,
        shareCode: card.code,
      }),
    ]);
  });

  it('binds an unbound member to the registering guide (the touch guide becomes opening and service guide)', async () => {
    const guide = brand.guides[2];
    const { buyer, card } = await touchedBy(guide);
    // A touch that left the member unbound (as one recorded before binding existed would).
    await sql(
      'UPDATE members SET openingGuideId = NULL, serviceGuideId = NULL, serviceStoreId = NULL, boundAt = NULL WHERE id = ?',
      [buyer.memberId],
    );
    const res = await register(buyer.token, { phoneCode: phoneCode() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      openingGuideId: guide.id,
      serviceGuideId: guide.id,
      serviceStoreId: brand.stores[1].id,
    });
    expect((await registrationRows(buyer.memberId))[0]).toMatchObject({
      openingGuideId: guide.id,
      openingStoreId: brand.stores[1].id,
      shareCode: card.code,
    });
  });

  it('keeps the first guide met as opening guide when the member registers through another guide’s card', async () => {
    const [first, , other] = brand.guides;
    const { buyer } = await touchedBy(first);
    const card = await share(stack, other.token, 'product', brand.product.id);
    await visit(stack, buyer.token, card.code);
    const res = await register(buyer.token, { phoneCode: phoneCode() });
    expect(res.status).toBe(201);
    // Set once (docs/DOMAIN.md rule 5): no rebinding across stores, the opening guide stays.
    expect(res.body).toMatchObject({
      openingGuideId: first.id,
      serviceGuideId: first.id,
      serviceStoreId: first.storeId,
    });
    // The registering touch is kept as evidence.
    expect((await registrationRows(buyer.memberId))[0]).toMatchObject({
      openingGuideId: first.id,
      openingStoreId: first.storeId,
      touchGuideId: other.id,
      shareCode: card.code,
    });
  });

  it('ignores a touch older than the online window and registers a member who never met a guide without one', async () => {
    const { buyer } = await touchedBy(brand.guides[1]);
    await sql(
      'UPDATE members SET openingGuideId = NULL, serviceGuideId = NULL, serviceStoreId = NULL, boundAt = NULL WHERE id = ?',
      [buyer.memberId],
    );
    await sql('UPDATE visits SET visitedAt = DATE_SUB(visitedAt, INTERVAL 8 DAY) WHERE memberId = ?', [buyer.memberId]);
    const res = await register(buyer.token, { phoneCode: phoneCode() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ openingGuideId: null, serviceGuideId: null, serviceStoreId: null });
    expect((await registrationRows(buyer.memberId))[0]).toMatchObject({
      openingGuideId: null,
      touchGuideId: null,
      shareCode: null,
    });

    const loner = await consumer(stack);
    const alone = await register(loner.token, { phoneCode: phoneCode('13700000000') });
    expect(alone.status).toBe(201);
    expect(alone.body).toMatchObject({ phone: '13700000000', openingGuideId: null, serviceGuideId: null });
  });

  it('is harmless to repeat: the same member back with 200, no second phone lookup, one registration', async () => {
    const { buyer } = await touchedBy(brand.guides[0]);
    const firstCode = phoneCode('13811112222');
    const first = await register(buyer.token, { phoneCode: firstCode });
    expect(first.status).toBe(201);

    const secondCode = phoneCode('13633334444');
    const again = await register(buyer.token, { phoneCode: secondCode });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Not exchanged: the paid phone API was not called for a member already registered.
    expect(stack.sim.state.usedPhoneCodes.has(secondCode)).toBe(false);
    // A retry with the already used code is harmless too.
    const retry = await register(buyer.token, { phoneCode: firstCode });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await memberRow(buyer.memberId)).phone).toBe('13811112222');
    expect(await registrationRows(buyer.memberId)).toHaveLength(1);
  });

  it('settles concurrent first registrations on one: a single 201 and a single registration row', async () => {
    const { buyer } = await touchedBy(brand.guides[0]);
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => register(buyer.token, { phoneCode: phoneCode(`1380000000${i}`) })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const winner = replies.find((r) => r.status === 201)!.body;
    for (const r of replies) expect(r.body).toEqual(winner);
    expect(await registrationRows(buyer.memberId)).toHaveLength(1);
    expect((await memberRow(buyer.memberId)).phone).toBe(winner.phone);
  });

  it('refuses a used or unknown phone code with PHONE_CODE_INVALID and writes nothing', async () => {
    const used = phoneCode('13855556666');
    const someone = await consumer(stack);
    expect((await register(someone.token, { phoneCode: used })).status).toBe(201);

    const { buyer } = await touchedBy(brand.guides[0]);
    for (const code of [used, 'not-a-phone-code']) {
      const res = await register(buyer.token, { phoneCode: code });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PHONE_CODE_INVALID');
    }
    expect(await memberRow(buyer.memberId)).toMatchObject({ phone: null, registeredAt: null });
    expect(await registrationRows(buyer.memberId)).toHaveLength(0);
  });

  it('validates the body and admits consumers only', async () => {
    const buyer = await consumer(stack);
    const missing = await register(buyer.token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: any) => d.field)).toContain('phoneCode');
    const extra = await register(buyer.token, { phoneCode: phoneCode(), phone: '13800138000' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.map((d: any) => d.field)).toContain('phone');
    expect((await register(undefined, { phoneCode: phoneCode() })).status).toBe(401);
    expect((await register(brand.guides[0].token, { phoneCode: phoneCode() })).status).toBe(403);
    expect((await register(brand.admin, { phoneCode: phoneCode() })).status).toBe(403);
    expect(await memberRow(buyer.memberId)).toMatchObject({ registeredAt: null });
  });
});
