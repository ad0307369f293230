import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bindOnTouch } from './binding.js';
import type { MemberBinding } from './types.js';

const unbound: MemberBinding = { serviceGuideId: null, serviceStoreId: null, openingGuideId: null };

describe('bindOnTouch', () => {
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
});
