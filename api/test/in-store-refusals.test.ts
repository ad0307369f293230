// In-store sales: bad member codes and receipts write nothing; a guide's own purchase earns nothing.
import { describe, expect, it } from '@jest/globals';
import { codeAt, codeNoOf, count, ledgerOf, memberCode, receiptNo, redeem } from './support/counter.js';
import { DAY, counterTotals, redeemFresh, sharedBy, startCounterStack } from './support/in-store.js';
import { consumer, order, payOrder, share, visit, type Brand } from './support/fixtures.js';
import { useStack } from './support/suite.js';
import type { TestStack } from './support/stack.js';

/** Counter keys: [Shanghai store, Hangzhou store]. */
let stack: TestStack, brand: Brand, keys: string[];
useStack(startCounterStack, (s) => ({ stack, brand, keys } = s));

describe('bad member codes and bad receipts write nothing', () => {
  it('an expired code is MEMBER_CODE_EXPIRED; a forged one MEMBER_CODE_INVALID', async () => {
    const { buyer } = await sharedBy(stack, brand, brand.guides[0]);
    const codeNo = await codeNoOf(stack, buyer.memberId);
    const good = await memberCode(stack, buyer.token);
    const before = await counterTotals(stack);

    for (const minutesAgo of [7, 30, 600]) {
      const res = await redeem(stack, keys[0], {
        memberCode: codeAt(stack, codeNo, Date.now() - minutesAgo * 60_000),
        receiptNo: receiptNo(),
        amountFen: 1000,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MEMBER_CODE_EXPIRED');
    }
    // Still fine just inside the window (4 minutes old).
    const inside = codeAt(stack, codeNo, Date.now() - 4 * 60_000);

    let unknownNo = '0000000000';
    while (await count(stack, 'members', 'codeNo = ?', [unknownNo]))
      unknownNo = String(Number(unknownNo) + 1).padStart(10, '0');
    const forged = [
      good.slice(0, -1) + ((Number(good.at(-1)) + 1) % 10),
      good.slice(0, 5) + ((Number(good[5]) + 5) % 10) + good.slice(6),
      '9' + '0'.repeat(17),
      `1${good.slice(1)}`,
      good.slice(0, 17),
      'not-a-member-code',
      codeAt(
        { ...stack, config: { ...stack.config, memberCodeSecret: 'someone-elses-secret' } } as TestStack,
        codeNo,
        Date.now(),
      ),
      codeAt(stack, unknownNo, Date.now()), // authentic shape and tag, but no such member
    ];
    for (const memberCode of forged) {
      const res = await redeem(stack, keys[0], { memberCode, receiptNo: receiptNo(), amountFen: 1000 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('MEMBER_CODE_INVALID');
    }
    expect(await counterTotals(stack)).toEqual(before);
    expect((await redeem(stack, keys[0], { memberCode: inside, receiptNo: receiptNo(), amountFen: 1000 })).status).toBe(
      201,
    );
  });

  it('rejects mismatched lines, unknown SKUs, bad fields and bad sale times', async () => {
    const { buyer } = await sharedBy(stack, brand, brand.guides[0]);
    const code = await memberCode(stack, buyer.token);
    const before = await counterTotals(stack);
    const attempt = (extra: Record<string, unknown>) =>
      redeem(stack, keys[0], { memberCode: code, receiptNo: receiptNo(), amountFen: 10000, ...extra });

    const mismatch = await attempt({ lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 9999 }] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('LINES_TOTAL_MISMATCH');

    const unknownSku = await attempt({
      lines: [{ skuId: '01900000-0000-7000-8000-000000000000', quantity: 1, amountFen: 10000 }],
    });
    expect(unknownSku.status).toBe(400);
    expect(unknownSku.body.error.code).toBe('SKU_NOT_FOUND');

    for (const [extra, field] of [
      [{ amountFen: 100.5 }, 'amountFen'],
      [{ amountFen: -1 }, 'amountFen'],
      [{ amountFen: '10000' }, 'amountFen'],
      [{ discountFen: 100 }, 'discountFen'],
      [{ lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 10000, priceFen: 1 }] }, 'lines.0.priceFen'],
      [{ lines: [] }, 'lines'],
      [{ receiptNo: '' }, 'receiptNo'],
      [{ receiptNo: 'has space' }, 'receiptNo'],
      [{ soldAt: '2025-01-01T10:00:00' }, 'soldAt'],
      [{ soldAt: 'yesterday' }, 'soldAt'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await attempt(extra);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    for (const soldAt of [
      new Date(Date.now() + 3_600_000).toISOString(),
      new Date(Date.now() - 2 * DAY).toISOString(),
    ]) {
      const res = await attempt({ soldAt });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('SOLD_AT_OUT_OF_RANGE');
    }
    expect(await counterTotals(stack)).toEqual(before);
  });
});

describe('self-referral', () => {
  it('a guide buying through their own card earns nothing, online or in store; others’ purchases still earn', async () => {
    const guide = brand.guides[1];
    const self = await consumer(stack);
    const link = await stack.client.post(
      `/api/admin/guides/${guide.id}/member`,
      { memberId: self.memberId },
      brand.admin,
    );
    expect(link.status).toBe(201);
    const card = await share(stack, guide.token, 'product', brand.product.id);
    await visit(stack, self.token, card.code);

    const online = await order(stack, self.token, { lines: [{ skuId: brand.product.skuId, quantity: 1 }] });
    expect(online.body.attribution).toMatchObject({
      guideId: guide.id,
      rule: 'share',
      selfReferral: true,
      commissionable: false,
    });
    expect((await payOrder(stack, self.token, online.body.id)).notifyStatus).toBe(204);
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [online.body.id])).toBe(0);

    const inStore = await redeemFresh(stack, keys[1], self.token, {
      amountFen: 10000,
      lines: [{ skuId: brand.product.skuId, quantity: 1, amountFen: 10000 }],
    });
    expect(inStore.status).toBe(201);
    expect(inStore.body.attribution).toMatchObject({
      guideId: guide.id,
      rule: 'share',
      selfReferral: true,
      commissionable: false,
    });
    expect(await count(stack, 'ledger_entries', 'orderId = ?', [inStore.body.id])).toBe(0);

    // The same card, opened by a customer, earns.
    const customer = await consumer(stack);
    await visit(stack, customer.token, card.code);
    const sale = await redeemFresh(stack, keys[1], customer.token, {
      amountFen: 10000,
    });
    expect(sale.body.attribution).toMatchObject({ guideId: guide.id, selfReferral: false, commissionable: true });
    expect(await ledgerOf(stack, sale.body.id)).toEqual([
      expect.objectContaining({ guideId: guide.id, amountFen: 300 }),
    ]);

    // With selfReferral "allow", the guide's own counter purchase earns (and the policy version is recorded).
    const current = (await stack.client.get('/api/admin/policy', brand.admin)).body;
    const { version: _, ...input } = current;
    const allowed = await stack.client.put('/api/admin/policy', { ...input, selfReferral: 'allow' }, brand.admin);
    expect(allowed.status).toBe(200);
    try {
      const own = await redeemFresh(stack, keys[1], self.token, {
        amountFen: 10000,
      });
      expect(own.body.attribution).toMatchObject({
        guideId: guide.id,
        selfReferral: true,
        commissionable: true,
        policyVersion: allowed.body.version,
      });
      expect(await ledgerOf(stack, own.body.id)).toEqual([
        expect.objectContaining({ guideId: guide.id, amountFen: 300 }),
      ]);
    } finally {
      expect(
        (await stack.client.put('/api/admin/policy', { ...input, selfReferral: 'deny' }, brand.admin)).status,
      ).toBe(200);
    }
  });
});
