import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideBinding } from './binding.js';
import { DEFAULT_POLICY_OPTIONS, type MemberBinding } from './types.js';

/** Binding on a touch under the default policy (first touch, permanent, no protection), binding fields only. */
function bindOnTouch(member: MemberBinding, touch: { guideId: string; storeId: string }): MemberBinding {
  const { binding, change } = decideBinding(member, { type: 'touch', ...touch, at: 1 }, DEFAULT_POLICY_OPTIONS);
  if (change === null || change === 'service_touch') return member;
  const { serviceGuideId, serviceStoreId, openingGuideId } = binding;
  return { serviceGuideId, serviceStoreId, openingGuideId };
}

const unbound: MemberBinding = { serviceGuideId: null, serviceStoreId: null, openingGuideId: null };

describe('decideBinding under the default policy (first touch)', () => {
  it('binds an unbound member to the first guide met, as opening and service guide', () => {
    expect(bindOnTouch(unbound, { guideId: 'g1', storeId: 's1' })).toEqual({
      serviceGuideId: 'g1',
      serviceStoreId: 's1',
      openingGuideId: 'g1',
    });
  });

  it('never rebinds a member who has a service guide, in the same store or elsewhere', () => {
    const bound = { serviceGuideId: 'g1', serviceStoreId: 's1', openingGuideId: 'g1' };
    expect(bindOnTouch(bound, { guideId: 'g2', storeId: 's1' })).toBe(bound);
    expect(bindOnTouch(bound, { guideId: 'g9', storeId: 's-other-city' })).toBe(bound);
  });

  it('gives a store-bound member without a guide a guide of that store, keeping the opening guide', () => {
    const storeOnly = { serviceGuideId: null, serviceStoreId: 's1', openingGuideId: 'g-departed' };
    expect(bindOnTouch(storeOnly, { guideId: 'g3', storeId: 's1' })).toEqual({
      serviceGuideId: 'g3',
      serviceStoreId: 's1',
      openingGuideId: 'g-departed',
    });
  });

  it('registered at a counter without a guide: the first guide of that store becomes the opening guide too', () => {
    const registered = { serviceGuideId: null, serviceStoreId: 's1', openingGuideId: null };
    expect(bindOnTouch(registered, { guideId: 'g3', storeId: 's1' })).toEqual({
      serviceGuideId: 'g3',
      serviceStoreId: 's1',
      openingGuideId: 'g3',
    });
  });

  it('does not move a store-bound member to a guide of another store', () => {
    const storeOnly = { serviceGuideId: null, serviceStoreId: 's1', openingGuideId: null };
    expect(bindOnTouch(storeOnly, { guideId: 'g2', storeId: 's2' })).toBe(storeOnly);
  });

  it('never modifies its input', () => {
    const member = { ...unbound };
    bindOnTouch(member, { guideId: 'g1', storeId: 's1' });
    expect(member).toEqual(unbound);
  });

  it('property: only null fields change, an existing service guide is never replaced, and binding twice is binding once', () => {
    const id = fc.constantFrom('a', 'b', 'c');
    const maybe = fc.option(id, { nil: null });
    fc.assert(
      fc.property(maybe, maybe, maybe, id, id, (serviceGuideId, serviceStoreId, openingGuideId, guideId, storeId) => {
        const member = { serviceGuideId, serviceStoreId, openingGuideId };
        const next = bindOnTouch(member, { guideId, storeId });
        for (const key of ['serviceGuideId', 'serviceStoreId', 'openingGuideId'] as const) {
          if (member[key] !== null) expect(next[key]).toBe(member[key]);
        }
        if (serviceGuideId !== null) expect(next).toBe(member);
        expect(bindOnTouch(next, { guideId, storeId })).toBe(next);
        // A guide is bound only together with that guide's store.
        if (next.serviceGuideId !== serviceGuideId) expect(next.serviceStoreId).toBe(storeId);
      }),
    );
  });
  it('property: over any sequence of later touches, the first guide bound stays bound', () => {
    const touchArb = fc.record({
      guideId: fc.constantFrom('g1', 'g2', 'g3', 'g4'),
      storeId: fc.constantFrom('s-shanghai', 's-hangzhou'),
    });
    fc.assert(
      fc.property(fc.array(touchArb, { minLength: 1, maxLength: 20 }), (touches) => {
        const states = touches.reduce<MemberBinding[]>((acc, t) => [...acc, bindOnTouch(acc.at(-1) ?? unbound, t)], []);
        const [first] = touches;
        expect(states[0]).toEqual({
          serviceGuideId: first.guideId,
          serviceStoreId: first.storeId,
          openingGuideId: first.guideId,
        });
        // Every later touch, from any guide of any city, returns the very same binding.
        for (const state of states) expect(state).toBe(states[0]);
      }),
    );
  });

  it('property: a member left to a store (guide departed) is taken only by the first guide of that store, and the opening guide stays', () => {
    const touchArb = fc.record({
      guideId: fc.constantFrom('g1', 'g2', 'g3'),
      storeId: fc.constantFrom('s1', 's2', 's3'),
    });
    const storeOnly: MemberBinding = { serviceGuideId: null, serviceStoreId: 's1', openingGuideId: 'g-departed' };
    fc.assert(
      fc.property(fc.array(touchArb, { maxLength: 20 }), (touches) => {
        const final = touches.reduce((m, t) => bindOnTouch(m, t), storeOnly);
        const taker = touches.find((t) => t.storeId === 's1');
        expect(final).toEqual(
          taker ? { serviceGuideId: taker.guideId, serviceStoreId: 's1', openingGuideId: 'g-departed' } : storeOnly,
        );
      }),
    );
  });
});
