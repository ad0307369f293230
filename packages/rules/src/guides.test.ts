import { describe, expect, it } from '@jest/globals';
import { resolveActiveGuide } from './guides.js';
import { departed, guide, guides } from './attribution.fixtures.js';

describe('resolveActiveGuide', () => {
  it('returns an active guide itself', () => {
    expect(resolveActiveGuide('g1', guides)).toBe(guides.g1);
  });

  it("returns a departed guide's active successor", () => {
    expect(resolveActiveGuide('d1', guides)?.id).toBe('g2');
  });

  it('follows a chain of departed successors', () => {
    expect(resolveActiveGuide('d2', guides)?.id).toBe('g3');
    expect(resolveActiveGuide('d3', guides)?.id).toBe('g3');
  });

  it('returns null for a departed guide with no successor', () => {
    expect(resolveActiveGuide('dx', guides)).toBeNull();
  });

  it('returns null, and terminates, on a cycle', () => {
    expect(resolveActiveGuide('c1', guides)).toBeNull();
    expect(resolveActiveGuide('c2', guides)).toBeNull();
    expect(resolveActiveGuide('self', { self: departed('self', 's1', 'self') })).toBeNull();
  });

  it('returns null for an unknown guide or a successor missing from the data', () => {
    expect(resolveActiveGuide('nobody', guides)).toBeNull();
    expect(resolveActiveGuide('dm', guides)).toBeNull();
  });

  it('does not read inherited object properties as guides', () => {
    expect(resolveActiveGuide('constructor', {})).toBeNull();
    expect(resolveActiveGuide('toString', guides)).toBeNull();
  });

  it('walks long chains', () => {
    const data: Record<string, ReturnType<typeof guide>> = {};
    for (let i = 0; i < 1000; i++) data[`d${i}`] = departed(`d${i}`, 's', `d${i + 1}`);
    data.d1000 = guide('d1000', 's9');
    expect(resolveActiveGuide('d0', data)?.storeId).toBe('s9');
  });
});
