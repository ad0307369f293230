// Properties of the attribution policy options over random touch sequences, bindings and policies,
// and equality with the rules as they were before the options (the v1 oracles) under the defaults.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideOnlineAttribution, decideStoreAttribution } from './attribution.js';
import { DAY, GUIDE_IDS, HOUR, STORES, T0, gen } from './property.fixtures.js';
import * as v1 from './attribution-v1.fixtures.js';
import { bindOnTouch as v1BindOnTouch } from './binding-v1.fixtures.js';
import { decideBinding, effectiveBinding, isProtected, type BindingEvent } from './binding.js';
import { DEFAULT_POLICY_OPTIONS } from './types.js';
import type { AttributionPolicy, LiveSession, MemberBinding, Touch } from './types.js';

const guidesArb = gen.guidesOf(['m0', 'm1']);

const touchesArb: fc.Arbitrary<Touch[]> = fc
  .array(
    fc.record({
      guideId: fc.constantFrom(...GUIDE_IDS),
      storeId: fc.constantFrom(...STORES),
      kind: fc.constantFrom('product' as const, 'live' as const, 'poster' as const),
      targetId: fc.constantFrom('live1', 'p1'),
      offsetHours: fc.integer({ min: -400, max: 5 }),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    gen.numbered(
      rows.map((r) => ({
        guideId: r.guideId,
        storeId: r.storeId,
        kind: r.kind,
        targetId: r.targetId,
        at: T0 + r.offsetHours * HOUR,
      })),
    ),
  );

const memberArb: fc.Arbitrary<MemberBinding> = fc.record({
  ...gen.bindingFields,
  boundAt: fc.option(
    fc.integer({ min: -60, max: 0 }).map((d) => T0 + d * DAY),
    { nil: null },
  ),
  serviceTouchedAt: fc.option(
    fc.integer({ min: -60, max: 0 }).map((d) => T0 + d * DAY),
    { nil: null },
  ),
});

const liveArb: fc.Arbitrary<LiveSession | null> = fc.option(
  fc.record({
    id: fc.constant('live1'),
    storeId: fc.constantFrom(...STORES),
    startsAt: fc.constant(T0 - 3 * HOUR),
    endsAt: fc.constant(T0 + 3 * HOUR),
  }),
  { nil: null },
);

const basePolicy = gen.policyFields(9);
const defaultPolicyArb: fc.Arbitrary<AttributionPolicy> = fc
  .record(basePolicy)
  .map((p) => ({ ...p, ...DEFAULT_POLICY_OPTIONS }));
const anyPolicyArb: fc.Arbitrary<AttributionPolicy> = fc.record({
  ...basePolicy,
  bindingMode: fc.constantFrom('first_touch' as const, 'on_registration' as const, 'override' as const),
  bindingValidityDays: fc.option(fc.constantFrom(0, 7, 30), { nil: null }),
  protectionDays: fc.constantFrom(0, 3, 30),
  servicePriority: fc.constantFrom('sharer_first' as const, 'service_first_same_store' as const),
  crossStoreShareCredit: fc.boolean(),
});

const saleArb = (policyArb: fc.Arbitrary<AttributionPolicy>) =>
  gen.orderArb({
    touches: touchesArb,
    member: memberArb,
    live: liveArb,
    policy: policyArb,
    guides: guidesArb,
  });

const eventArb: fc.Arbitrary<BindingEvent> = fc.record({
  type: fc.constantFrom('touch' as const, 'registration' as const),
  guideId: fc.constantFrom('g0', 'g1', 'g2', 'g3'),
  storeId: fc.constantFrom(...STORES),
  at: fc.integer({ min: 0, max: 90 }).map((d) => T0 + d * DAY),
});

const fields = ({ serviceGuideId, serviceStoreId, openingGuideId }: MemberBinding) => ({
  serviceGuideId,
  serviceStoreId,
  openingGuideId,
});

describe('default policy = the rules before the options (v1 oracle)', () => {
  it('online and counter decisions equal v1 for every sequence (creditedInsteadOf kept as {guideId, rule})', () => {
    fc.assert(
      fc.property(saleArb(defaultPolicyArb), (input) => {
        const toV1 = (d: ReturnType<typeof decideOnlineAttribution>) => ({
          ...d,
          creditedInsteadOf: d.creditedInsteadOf?.guideId ?? null,
        });
        expect(toV1(decideOnlineAttribution(input))).toEqual(v1.decideOnlineAttribution(input));
        const store = { ...input, soldAt: input.orderAt, redeemingStoreId: 's-counter' };
        expect(toV1(decideStoreAttribution(store))).toEqual(v1.decideStoreAttribution(store));
      }),
      { numRuns: 500 },
    );
  });

  it('binding on any sequence of touches equals v1 bindOnTouch', () => {
    fc.assert(
      fc.property(memberArb, fc.array(eventArb, { maxLength: 15 }), (start, events) => {
        let current = start;
        let oracle = fields(start);
        for (const e of [...events].sort((a, b) => a.at - b.at)) {
          if (e.type !== 'touch') continue;
          current = decideBinding(current, e, DEFAULT_POLICY_OPTIONS).binding;
          oracle = v1BindOnTouch(oracle, e);
          expect(fields(current)).toEqual(oracle);
        }
      }),
    );
  });
});

describe('invariants under any policy', () => {
  it('exactly one credited guide or none, never a departed or unknown one; the evidence names a different guide', () => {
    fc.assert(
      fc.property(saleArb(anyPolicyArb), (input) => {
        for (const d of [
          decideOnlineAttribution(input),
          decideStoreAttribution({ ...input, soldAt: input.orderAt, redeemingStoreId: 's-counter' }),
        ]) {
          if (d.guideId !== null) {
            expect(input.guides[d.guideId]?.active).toBe(true);
            expect(['share', 'live_share', 'service_guide']).toContain(d.rule);
          } else expect(['store', 'none']).toContain(d.rule);
          if (d.creditedInsteadOf) expect(d.creditedInsteadOf.guideId).not.toBe(d.guideId);
          if (d.commissionable) expect(d.guideId).not.toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a share credited under a restricting option is one that option allows', () => {
    fc.assert(
      fc.property(saleArb(anyPolicyArb), (input) => {
        const d = decideStoreAttribution({ ...input, soldAt: input.orderAt, redeemingStoreId: 's-counter' });
        if (d.rule !== 'share') return;
        const t = input.touches.find((x) => x.shareCode === d.shareCode)!;
        const m = effectiveBinding(input.member, input.orderAt, input.policy, input.touches);
        if (m.serviceStoreId === null || t.guideId === m.serviceGuideId) return;
        if (!input.policy.crossStoreShareCredit) expect(t.storeId).toBe(m.serviceStoreId);
        if (input.policy.servicePriority === 'service_first_same_store' && m.serviceGuideId !== null)
          expect(t.storeId).not.toBe(m.serviceStoreId);
      }),
      { numRuns: 500 },
    );
  });

  it('binding changes only as the mode allows, and protection is never broken', () => {
    fc.assert(
      fc.property(memberArb, anyPolicyArb, fc.array(eventArb, { maxLength: 15 }), (start, policy, events) => {
        let current = start;
        for (const e of [...events].sort((a, b) => a.at - b.at)) {
          const { binding: next, change } = decideBinding(current, e, policy);
          if (change === null) expect(next).toBe(current);
          if (next.openingGuideId !== current.openingGuideId) {
            expect(current.openingGuideId).toBeNull();
            expect(next.openingGuideId).toBe(e.guideId);
          }
          const taken = next.serviceGuideId !== current.serviceGuideId;
          if (taken) {
            // Only the event's guide is ever bound, or a lapsed binding is dropped.
            expect([e.guideId, null]).toContain(next.serviceGuideId);
            // A protected binding is never taken, not even by expiry.
            if (current.serviceGuideId !== null) expect(isProtected(current, e.at, policy)).toBe(false);
            if (next.serviceGuideId !== null) {
              expect(next.boundAt).toBe(e.at);
              // on_registration: touches never bind a guide.
              if (policy.bindingMode === 'on_registration') expect(e.type).toBe('registration');
            }
            // first_touch / on_registration: a live binding is never moved to another guide.
            if (policy.bindingMode !== 'override' && current.serviceGuideId !== null && next.serviceGuideId !== null)
              expect(change).toBe('expiry');
            if (change === 'override') expect(policy.bindingMode).toBe('override');
          }
          current = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
