// One scenario per attribution policy option (docs/DOMAIN.md "Attribution policy options").
import { describe, expect, it } from '@jest/globals';
import { decideOnlineAttribution, decideStoreAttribution } from './attribution.js';
import { decideBinding, effectiveBinding, hasLapsed, isProtected } from './binding.js';
import { DAY, guides, HOUR, policy, T0, touch, unbound } from './attribution.fixtures.js';
import { creditTransferFen, commissionFen, reversalFen } from './commission.js';
import type { AttributionPolicy, MemberBinding } from './types.js';

// g1@s1 and g3@s1 share a store; g2@s2 is another store's guide (see attribution.fixtures.ts).
const servedByG1: MemberBinding = { serviceGuideId: 'g1', serviceStoreId: 's1', openingGuideId: 'g1', boundAt: T0 };
const at = (p: Partial<AttributionPolicy>) => ({ ...policy, ...p });
const online = (p: Partial<AttributionPolicy>, member: MemberBinding, touches = [touch('g3', T0 - HOUR)]) =>
  decideOnlineAttribution({
    buyerMemberId: 'm-buyer',
    orderAt: T0 + DAY,
    touches: touches.map((t) => ({ ...t, at: t.at + DAY })),
    member,
    live: null,
    policy: at(p),
    guides,
  });

describe('bindingMode', () => {
  const touchBy = (guideId: string, storeId: string, when: number) =>
    ({ type: 'touch', guideId, storeId, at: when }) as const;

  it('first_touch (default): the first guide binds; later sharers never take the member', () => {
    const first = decideBinding(unbound, touchBy('g1', 's1', T0), at({}));
    expect(first).toEqual({
      change: 'bind',
      binding: {
        serviceGuideId: 'g1',
        serviceStoreId: 's1',
        openingGuideId: 'g1',
        boundAt: T0,
        serviceTouchedAt: null,
      },
    });
    expect(decideBinding(first.binding, touchBy('g2', 's2', T0 + DAY), at({}))).toEqual({
      change: null,
      binding: first.binding,
    });
  });

  it('on_registration: a share touch binds nobody; registration binds the registering guide', () => {
    const p = at({ bindingMode: 'on_registration' });
    expect(decideBinding(unbound, touchBy('g1', 's1', T0), p)).toEqual({ change: null, binding: unbound });
    expect(decideBinding(unbound, { type: 'registration', guideId: 'g1', storeId: 's1', at: T0 }, p)).toMatchObject({
      change: 'bind',
      binding: { serviceGuideId: 'g1', openingGuideId: 'g1' },
    });
  });

  it('override: the latest sharer takes the binding; the opening guide stays', () => {
    const moved = decideBinding(servedByG1, touchBy('g2', 's2', T0 + DAY), at({ bindingMode: 'override' }));
    expect(moved).toEqual({
      change: 'override',
      binding: {
        serviceGuideId: 'g2',
        serviceStoreId: 's2',
        openingGuideId: 'g1',
        boundAt: T0 + DAY,
        serviceTouchedAt: null,
      },
    });
  });
});

describe('protectionDays', () => {
  const p = at({ bindingMode: 'override', protectionDays: 3 });
  it('a binding younger than the protection period cannot be taken; after it, it can', () => {
    expect(isProtected(servedByG1, T0 + 3 * DAY - 1, p)).toBe(true);
    expect(decideBinding(servedByG1, { type: 'touch', guideId: 'g2', storeId: 's2', at: T0 + 3 * DAY - 1 }, p)).toEqual(
      {
        change: null,
        binding: servedByG1,
      },
    );
    expect(decideBinding(servedByG1, { type: 'touch', guideId: 'g2', storeId: 's2', at: T0 + 3 * DAY }, p).change).toBe(
      'override',
    );
  });
});

describe('bindingValidityDays', () => {
  const p = at({ bindingValidityDays: 30 });
  it('a binding without a touch from the service guide for N days lapses; their touch renews it', () => {
    expect(hasLapsed(servedByG1, T0 + 30 * DAY, p)).toBe(false);
    expect(hasLapsed(servedByG1, T0 + 30 * DAY + 1, p)).toBe(true);
    expect(hasLapsed({ ...servedByG1, serviceTouchedAt: T0 + 10 * DAY }, T0 + 31 * DAY, p)).toBe(false);
    expect(hasLapsed(servedByG1, T0 + 31 * DAY, p, [touch('g1', T0 + 5 * DAY)])).toBe(false);
    expect(hasLapsed(servedByG1, T0 + 999 * DAY, at({}))).toBe(false); // null: permanent
  });

  it('after the lapse the next sharer binds (audited as expiry), and the service guide earns no service credit', () => {
    const next = decideBinding(servedByG1, { type: 'touch', guideId: 'g2', storeId: 's2', at: T0 + 40 * DAY }, p);
    expect(next).toMatchObject({ change: 'expiry', binding: { serviceGuideId: 'g2', openingGuideId: 'g1' } });
    expect(effectiveBinding(servedByG1, T0 + 40 * DAY, p)).toMatchObject({
      serviceGuideId: null,
      serviceStoreId: null,
    });
    const sale = decideStoreAttribution({
      buyerMemberId: 'm-buyer',
      soldAt: T0 + 40 * DAY,
      touches: [],
      member: servedByG1,
      redeemingStoreId: 's-counter',
      policy: p,
      guides,
    });
    expect(sale).toMatchObject({ rule: 'store', storeId: 's-counter', guideId: null });
  });

  it('the service guide touching their own member renews the validity', () => {
    const renewed = decideBinding(servedByG1, { type: 'touch', guideId: 'g1', storeId: 's1', at: T0 + 5 * DAY }, p);
    expect(renewed).toEqual({ change: 'service_touch', binding: { ...servedByG1, serviceTouchedAt: T0 + 5 * DAY } });
  });
});

describe('servicePriority', () => {
  it('sharer_first (default): a same-store colleague who shared wins the sale', () => {
    expect(online({}, servedByG1)).toMatchObject({ rule: 'share', guideId: 'g3', creditedInsteadOf: null });
  });

  it('service_first_same_store: a same-store colleague does not take it from the service guide; another store does', () => {
    const p = { servicePriority: 'service_first_same_store' as const };
    expect(online(p, servedByG1)).toMatchObject({
      rule: 'service_guide',
      guideId: 'g1',
      creditedInsteadOf: { guideId: 'g3', rule: 'share' },
    });
    expect(online(p, servedByG1, [touch('g2', T0 - HOUR)])).toMatchObject({
      rule: 'share',
      guideId: 'g2',
      creditedInsteadOf: null,
    });
    // The service guide's own share is still a share.
    expect(online(p, servedByG1, [touch('g1', T0 - HOUR)])).toMatchObject({ rule: 'share', guideId: 'g1' });
  });
});

describe('crossStoreShareCredit', () => {
  it('false: a guide of another store earns no share credit; the service guide keeps it, with the evidence', () => {
    const p = { crossStoreShareCredit: false };
    expect(online(p, servedByG1, [touch('g2', T0 - HOUR)])).toMatchObject({
      rule: 'service_guide',
      guideId: 'g1',
      creditedInsteadOf: { guideId: 'g2', rule: 'share' },
    });
    // An earlier same-store share within the window still wins over the service guide.
    expect(online(p, servedByG1, [touch('g3', T0 - 2 * HOUR), touch('g2', T0 - HOUR)])).toMatchObject({
      rule: 'share',
      guideId: 'g3',
      creditedInsteadOf: { guideId: 'g2', rule: 'share' },
    });
    // A member bound to no store is not restricted.
    expect(online(p, unbound, [touch('g2', T0 - HOUR)])).toMatchObject({ rule: 'share', guideId: 'g2' });
  });
});

describe('creditTransferFen', () => {
  it('gives back all the previous guide still earns and accrues what remains paid, with refunds before and after', () => {
    // 9999 fen at 8 %, 3333 refunded before the correction.
    const moved = creditTransferFen({ lineAmountFen: 9999, refundedFen: 3333, fromRateBps: 800, toRateBps: 800 });
    const oldEntries =
      commissionFen(9999, 800) -
      reversalFen({ lineAmountFen: 9999, refundedBeforeFen: 0, refundNowFen: 3333, rateBps: 800 });
    expect(oldEntries - moved.reverseFen).toBe(0);
    expect(moved.accrueFen).toBe(commissionFen(6666, 800));
    // A later refund of 1111 reverses the new guide's accrual down to floor(rate × (paid − refunded)).
    const later = reversalFen({ lineAmountFen: 9999, refundedBeforeFen: 3333, refundNowFen: 1111, rateBps: 800 });
    expect(moved.accrueFen - later).toBe(commissionFen(9999 - 4444, 800));
  });
});
