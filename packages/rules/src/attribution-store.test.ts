import { describe, expect, it } from '@jest/globals';
import { decideStoreAttribution } from './attribution.js';
import type { AttributionDecision } from './types.js';
import { DAY, HOUR, T0, baseInput, creditedBy, decision, liveTouch, policy, touch } from './attribution.fixtures.js';

type Input = Parameters<typeof decideStoreAttribution>[0];

const decide = (overrides: Partial<Input> = {}): AttributionDecision =>
  decideStoreAttribution({ ...baseInput, soldAt: T0, redeemingStoreId: 's-counter', ...overrides });

describe('decideStoreAttribution', () => {
  it('credits the guide of the last share within the store window (the online-to-offline loop)', () => {
    const t = touch('g1', T0 - 10 * DAY);
    expect(decide({ touches: [t] })).toEqual(creditedBy(t, 's1'));
  });

  it('uses the store window (14 days), not the online one', () => {
    expect(decide({ touches: [touch('g1', T0 - 14 * DAY)] }).rule).toBe('share');
    expect(decide({ touches: [touch('g1', T0 - 14 * DAY - 1)] }).rule).toBe('store');
  });

  it('follows the policy store window', () => {
    const twoDays = { ...policy, storeWindowHours: 48 };
    expect(decide({ touches: [touch('g1', T0 - 48 * HOUR)], policy: twoDays }).rule).toBe('share');
    expect(decide({ touches: [touch('g1', T0 - 48 * HOUR - 1)], policy: twoDays }).rule).toBe('store');
  });

  it('ignores touches after the sale and breaks ties by seq', () => {
    const a = touch('g1', T0 - HOUR, { seq: 500 });
    const b = touch('g3', T0 - HOUR, { seq: 501 });
    const after = touch('g2', T0 + 1);
    expect(decide({ touches: [b, after, a] }).guideId).toBe('g3');
  });

  it('has no live rule: a live card is just the latest share', () => {
    const lt = liveTouch('g1', T0 - 2 * HOUR);
    const later = touch('g2', T0 - HOUR);
    expect(decide({ touches: [lt, later] })).toMatchObject({ rule: 'share', guideId: 'g2' });
    expect(decide({ touches: [lt] })).toMatchObject({ rule: 'share', guideId: 'g1' });
  });

  it('without a touch, credits the service guide', () => {
    const member = { serviceGuideId: 'g2', serviceStoreId: 's2', openingGuideId: 'g2' };
    expect(decide({ member })).toMatchObject({
      rule: 'service_guide',
      guideId: 'g2',
      storeId: 's2',
      commissionable: true,
    });
  });

  it('with neither, credits the redeeming store — not the member’s service store', () => {
    const member = { serviceGuideId: null, serviceStoreId: 's-home', openingGuideId: null };
    expect(decide({ member })).toEqual(decision({ rule: 'store', storeId: 's-counter' }));
    expect(decide().rule).toBe('store');
  });

  it('passes a departed guide to the successor, and with no heir to the departed guide’s store', () => {
    expect(decide({ touches: [touch('d2', T0 - DAY)] })).toMatchObject({
      rule: 'share',
      guideId: 'g3',
      creditedInsteadOf: { guideId: 'd2', rule: 'share' },
    });
    expect(decide({ touches: [touch('dx', T0 - DAY)] })).toMatchObject({
      rule: 'store',
      guideId: null,
      storeId: 's3',
      creditedInsteadOf: { guideId: 'dx', rule: 'share' },
    });
    const member = { serviceGuideId: 'c2', serviceStoreId: 's7', openingGuideId: 'c2' };
    expect(decide({ member })).toMatchObject({ rule: 'store', guideId: null, storeId: 's7', commissionable: false });
  });

  it('falls to the redeeming store when an unknown service guide has no service store', () => {
    const member = { serviceGuideId: 'ghost', serviceStoreId: null, openingGuideId: null };
    expect(decide({ member })).toMatchObject({
      rule: 'store',
      storeId: 's-counter',
      creditedInsteadOf: { guideId: 'ghost', rule: 'service_guide' },
    });
  });

  it('denies self-referral at the counter too', () => {
    expect(decide({ buyerMemberId: 'm-g1', touches: [touch('g1', T0 - DAY)] })).toMatchObject({
      guideId: 'g1',
      selfReferral: true,
      commissionable: false,
    });
    const allow = { ...policy, selfReferral: 'allow' as const };
    expect(decide({ buyerMemberId: 'm-g1', touches: [touch('g1', T0 - DAY)], policy: allow }).commissionable).toBe(
      true,
    );
  });

  it('rejects a non-integer sale time', () => {
    expect(() => decide({ soldAt: 1.25 })).toThrow(RangeError);
  });
});
