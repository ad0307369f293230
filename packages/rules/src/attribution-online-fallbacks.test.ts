// decideOnlineAttribution without a touch (service guide, store, nobody), with departed guides, self-referral
// and bad input.
import { describe, expect, it } from '@jest/globals';
import { decideOnlineAttribution } from './attribution.js';
import type { AttributionDecision, MemberBinding, Touch } from './types.js';
import { HOUR, T0, baseInput, decision, live, liveTouch, policy, touch, unbound } from './attribution.fixtures.js';

type Input = Parameters<typeof decideOnlineAttribution>[0];

const decide = (overrides: Partial<Input> = {}): AttributionDecision =>
  decideOnlineAttribution({ ...baseInput, orderAt: T0, live: null, ...overrides });

const servedByG2: MemberBinding = { serviceGuideId: 'g2', serviceStoreId: 's2', openingGuideId: 'g2' };

describe('decideOnlineAttribution — without a touch', () => {
  it("credits the service guide and the guide's store", () => {
    expect(decide({ member: servedByG2 })).toEqual(
      decision({ rule: 'service_guide', guideId: 'g2', storeId: 's2', commissionable: true }),
    );
  });

  it("uses the service guide's current store over a stale service store", () => {
    expect(decide({ member: { ...servedByG2, serviceStoreId: 's-old' } }).storeId).toBe('s2');
  });

  it('credits the service store alone when there is no service guide, without commission', () => {
    expect(decide({ member: { serviceGuideId: null, serviceStoreId: 's9', openingGuideId: 'g1' } })).toEqual(
      decision({ rule: 'store', storeId: 's9' }),
    );
  });

  it('credits nobody for an unbound member without touches', () => {
    expect(decide()).toEqual(decision({ rule: 'none' }));
  });

  it('ignores the opening guide: it is history, not service', () => {
    expect(decide({ member: { ...unbound, openingGuideId: 'g1' } }).rule).toBe('none');
  });
});

describe('decideOnlineAttribution — departed guides', () => {
  it("passes a departed sharer's credit to the successor, keeping the rule and the touch", () => {
    const t = touch('d1', T0 - HOUR);
    expect(decide({ touches: [t] })).toEqual(
      decision({
        rule: 'share',
        guideId: 'g2',
        storeId: 's2',
        shareCode: t.shareCode,
        touchedAt: T0 - HOUR,
        commissionable: true,
        creditedInsteadOf: { guideId: 'd1', rule: 'share' },
      }),
    );
  });

  it('follows a chain of departures to the first active guide', () => {
    expect(decide({ touches: [touch('d2', T0 - HOUR)] })).toMatchObject({
      guideId: 'g3',
      storeId: 's1',
      creditedInsteadOf: { guideId: 'd2', rule: 'share' },
    });
  });

  it("falls to the departed guide's store when nobody active inherits, without commission", () => {
    const t = touch('dx', T0 - HOUR);
    expect(decide({ touches: [t] })).toEqual(
      decision({
        rule: 'store',
        storeId: 's3',
        shareCode: t.shareCode,
        touchedAt: T0 - HOUR,
        creditedInsteadOf: { guideId: 'dx', rule: 'share' },
      }),
    );
  });

  it('treats a cycle of successors as nobody active (and terminates)', () => {
    expect(decide({ touches: [touch('c1', T0 - HOUR)] })).toMatchObject({
      rule: 'store',
      guideId: null,
      storeId: 's6',
      creditedInsteadOf: { guideId: 'c1', rule: 'share' },
    });
  });

  it('treats a successor missing from the data as nobody active', () => {
    expect(decide({ touches: [touch('dm', T0 - HOUR)] })).toMatchObject({
      rule: 'store',
      guideId: null,
      storeId: 's8',
    });
  });

  it("falls to the touch's store when the guide is unknown altogether", () => {
    const t = touch('ghost', T0 - HOUR, { storeId: 's-issue' });
    expect(decide({ touches: [t] })).toMatchObject({
      rule: 'store',
      guideId: null,
      storeId: 's-issue',
      commissionable: false,
    });
  });

  it("passes a departed service guide's credit to the successor, as service_guide", () => {
    const member = { serviceGuideId: 'd1', serviceStoreId: 's1', openingGuideId: 'd1' };
    expect(decide({ member })).toMatchObject({
      rule: 'service_guide',
      guideId: 'g2',
      storeId: 's2',
      creditedInsteadOf: { guideId: 'd1', rule: 'service_guide' },
      commissionable: true,
    });
  });

  it('credits the store of a departed service guide with no successor', () => {
    const member = { serviceGuideId: 'dx', serviceStoreId: 's-member', openingGuideId: 'dx' };
    expect(decide({ member })).toMatchObject({
      rule: 'store',
      guideId: null,
      storeId: 's3',
      commissionable: false,
      creditedInsteadOf: { guideId: 'dx', rule: 'service_guide' },
    });
  });

  it("falls to the member's service store when the service guide is unknown", () => {
    const member = { serviceGuideId: 'ghost', serviceStoreId: 's-member', openingGuideId: null };
    expect(decide({ member })).toMatchObject({ rule: 'store', storeId: 's-member', guideId: null });
  });

  it('passes a departed live-card guide to the successor, as live_share', () => {
    expect(decide({ touches: [liveTouch('d1', T0 - HOUR)], live })).toMatchObject({
      rule: 'live_share',
      guideId: 'g2',
      creditedInsteadOf: { guideId: 'd1', rule: 'live_share' },
    });
  });
});

describe('decideOnlineAttribution — self-referral', () => {
  const ownTouch = (): Touch => touch('g1', T0 - HOUR);

  it('denied by default: the guide stays recorded but earns nothing', () => {
    expect(decide({ buyerMemberId: 'm-g1', touches: [ownTouch()] })).toMatchObject({
      rule: 'share',
      guideId: 'g1',
      selfReferral: true,
      commissionable: false,
    });
  });

  it('allowed by policy: commissionable, still flagged', () => {
    const allow = { ...policy, selfReferral: 'allow' as const };
    expect(decide({ buyerMemberId: 'm-g1', touches: [ownTouch()], policy: allow })).toMatchObject({
      guideId: 'g1',
      selfReferral: true,
      commissionable: true,
    });
  });

  it('applies to a service guide buying for themselves', () => {
    const member = { serviceGuideId: 'g1', serviceStoreId: 's1', openingGuideId: 'g1' };
    expect(decide({ buyerMemberId: 'm-g1', member })).toMatchObject({
      rule: 'service_guide',
      selfReferral: true,
      commissionable: false,
    });
  });

  it('judges the credited guide: a successor who is the buyer is a self-referral', () => {
    expect(decide({ buyerMemberId: 'm-g3', touches: [touch('d2', T0 - HOUR)] })).toMatchObject({
      guideId: 'g3',
      selfReferral: true,
      commissionable: false,
    });
  });

  it("another buyer through the guide's code is not a self-referral", () => {
    expect(decide({ buyerMemberId: 'm-g3', touches: [ownTouch()] })).toMatchObject({
      guideId: 'g1',
      selfReferral: false,
      commissionable: true,
    });
  });
});

describe('decideOnlineAttribution — input checks', () => {
  it('rejects a non-integer order time', () => {
    expect(() => decide({ orderAt: T0 + 0.5 })).toThrow(RangeError);
    expect(() => decide({ orderAt: Number.NaN })).toThrow(RangeError);
  });

  it('rejects a negative or fractional window', () => {
    expect(() => decide({ policy: { ...policy, onlineWindowHours: -1 } })).toThrow(RangeError);
    expect(() => decide({ policy: { ...policy, storeWindowHours: 1.5 } })).toThrow(RangeError);
  });
});
