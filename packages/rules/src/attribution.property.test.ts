// Invariants of attribution over random guides (with departures, chains and cycles), touches,
// bindings and live sessions.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideOnlineAttribution, decideStoreAttribution } from './attribution.js';
import { GUIDE_IDS, HOUR, STORES, T0, gen } from './property.fixtures.js';
import { resolveActiveGuide } from './guides.js';
import { DEFAULT_POLICY_OPTIONS } from './types.js';
import type { AttributionPolicy, LiveSession, MemberBinding, Touch } from './types.js';

const guidesArb = gen.guidesOf(['m0', 'm1', 'm2']);

const touchesArb: fc.Arbitrary<Touch[]> = fc
  .array(
    fc.record({
      guideId: fc.constantFrom(...GUIDE_IDS),
      kind: fc.constantFrom('product' as const, 'live' as const, 'store' as const, 'poster' as const),
      targetId: fc.constantFrom('live1', 'live2', 'p1'),
      // Coarse offsets so that equal times (ties) and window edges come up often.
      offsetHours: fc.integer({ min: -400, max: 5 }),
      jitter: fc.constantFrom(0, 1, -1),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    gen.numbered(
      rows.map((r, i) => ({
        guideId: r.guideId,
        storeId: STORES[i % STORES.length],
        kind: r.kind,
        targetId: r.targetId,
        at: T0 + r.offsetHours * HOUR + r.jitter,
      })),
    ),
  );

const memberArb: fc.Arbitrary<MemberBinding> = fc.record({
  ...gen.bindingFields,
});

const liveArb: fc.Arbitrary<LiveSession | null> = fc.option(
  fc.record({
    id: fc.constantFrom('live1', 'live2'),
    storeId: fc.constantFrom(...STORES),
    startsAt: fc.constantFrom(T0 - 3 * HOUR, T0, T0 + 1),
    endsAt: fc.constantFrom(T0 - 1, T0, T0 + 3 * HOUR),
  }),
  { nil: null },
);

// These invariants hold under the default options; policy-option properties are in policy-options.property.test.ts.
const DEFAULT_POLICY_OPTIONS_ARB = Object.fromEntries(
  Object.entries(DEFAULT_POLICY_OPTIONS).map(([k, v]) => [k, fc.constant(v)]),
) as { [K in keyof typeof DEFAULT_POLICY_OPTIONS]: fc.Arbitrary<(typeof DEFAULT_POLICY_OPTIONS)[K]> };

const policyArb: fc.Arbitrary<AttributionPolicy> = fc.record({
  ...gen.policyFields(99),
  ...DEFAULT_POLICY_OPTIONS_ARB,
});

const onlineArb = gen.orderArb({
  touches: touchesArb,
  member: memberArb,
  live: liveArb,
  policy: policyArb,
  guides: guidesArb,
});

/** Reference last-touch choice, written differently from the code: sort, then take the head. */
function expectedLatest(touches: Touch[], eligible: (t: Touch) => boolean): Touch | undefined {
  return touches.filter(eligible).sort((a, b) => b.at - a.at || b.seq - a.seq)[0];
}

describe('attribution invariants', () => {
  it('never credits a departed or unknown guide; only a credited guide is commissionable', () => {
    fc.assert(
      fc.property(onlineArb, fc.constantFrom('s0', 's9'), (input, redeemingStoreId) => {
        const decisions = [
          decideOnlineAttribution(input),
          decideStoreAttribution({ ...input, soldAt: input.orderAt, redeemingStoreId }),
        ];
        for (const d of decisions) {
          if (d.guideId !== null) {
            expect(input.guides[d.guideId]?.active).toBe(true);
            expect(d.storeId).toBe(input.guides[d.guideId].storeId);
          } else {
            expect(['store', 'none']).toContain(d.rule);
          }
          if (d.commissionable) expect(d.guideId).not.toBeNull();
          if (d.rule === 'store' || d.rule === 'none') expect(d.commissionable).toBe(false);
          expect(d.selfReferral).toBe(d.guideId !== null && input.guides[d.guideId].memberId === input.buyerMemberId);
          if (d.selfReferral && input.policy.selfReferral === 'deny') expect(d.commissionable).toBe(false);
          if (d.guideId !== null && !d.selfReferral) expect(d.commissionable).toBe(true);
          expect(d.policyVersion).toBe(input.policy.version);
        }
        expect(decisions[1].rule).not.toBe('live_share');
        expect(decisions[1].rule).not.toBe('none'); // a counter sale always has at least the redeeming store
      }),
    );
  });

  it('online: the chosen touch is the latest eligible one, and its heir is credited', () => {
    fc.assert(
      fc.property(onlineArb, (input) => {
        const { orderAt, live, policy, touches } = input;
        const d = decideOnlineAttribution(input);
        const inSession = live !== null && live.startsAt <= orderAt && orderAt <= live.endsAt;
        const liveTouch = inSession
          ? expectedLatest(touches, (t) => t.kind === 'live' && t.targetId === live.id && t.at <= orderAt)
          : undefined;
        const windowStart = orderAt - policy.onlineWindowHours * HOUR;
        const shareTouch = expectedLatest(touches, (t) => windowStart <= t.at && t.at <= orderAt);
        const chosen = liveTouch ?? shareTouch;

        if (chosen) {
          expect(d.shareCode).toBe(chosen.shareCode);
          expect(d.touchedAt).toBe(chosen.at);
          const heir = resolveActiveGuide(chosen.guideId, input.guides);
          expect(d.guideId).toBe(heir?.id ?? null);
          expect(d.creditedInsteadOf?.guideId ?? null).toBe(heir?.id === chosen.guideId ? null : chosen.guideId);
          if (heir) expect(d.rule).toBe(liveTouch ? 'live_share' : 'share');
        } else {
          expect(d.shareCode).toBeNull();
          expect(['service_guide', 'store', 'none']).toContain(d.rule);
        }
      }),
    );
  });

  it('store: the chosen touch is the latest within the store window', () => {
    fc.assert(
      fc.property(onlineArb, (input) => {
        const d = decideStoreAttribution({ ...input, soldAt: input.orderAt, redeemingStoreId: 's-counter' });
        const windowStart = input.orderAt - input.policy.storeWindowHours * HOUR;
        const chosen = expectedLatest(input.touches, (t) => windowStart <= t.at && t.at <= input.orderAt);
        expect(d.shareCode).toBe(chosen?.shareCode ?? null);
        if (!chosen && input.member.serviceGuideId === null)
          expect(d).toMatchObject({ rule: 'store', storeId: 's-counter' });
        // The guide the rule points at (touch, else service guide) is credited only through its heir.
        const pointed = chosen?.guideId ?? input.member.serviceGuideId;
        if (pointed !== null) {
          const heir = resolveActiveGuide(pointed, input.guides);
          expect(d.guideId).toBe(heir?.id ?? null);
          expect(d.creditedInsteadOf?.guideId ?? null).toBe(heir?.id === pointed ? null : pointed);
          expect(d.rule).toBe(heir ? (chosen ? 'share' : 'service_guide') : 'store');
        }
      }),
    );
  });

  it('the order of the touches array does not change the decision', () => {
    fc.assert(
      fc.property(onlineArb, fc.infiniteStream(fc.nat()), (input, randoms) => {
        const shuffled = [...input.touches];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(decideOnlineAttribution({ ...input, touches: shuffled })).toEqual(decideOnlineAttribution(input));
      }),
    );
  });

  it('touches after the order never affect it', () => {
    fc.assert(
      fc.property(onlineArb, (input) => {
        const before = input.touches.filter((t) => t.at <= input.orderAt);
        expect(decideOnlineAttribution(input)).toEqual(decideOnlineAttribution({ ...input, touches: before }));
      }),
    );
  });
});
