// Shared fast-check arbitraries for the attribution property tests (excluded from the build).
import fc from 'fast-check';
import type { AttributionPolicy, GuideRef, LiveSession, MemberBinding, Touch } from './types.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = 1_740_000_000_000;
export const GUIDE_IDS = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'ghost'] as const; // "ghost" is never in the data
export const STORES = ['s0', 's1', 's2'];

/** Guides g0…g5 in random stores, some departed (successor chains and cycles), some with a member account. */
const guidesOf = (memberIds: string[]): fc.Arbitrary<Record<string, GuideRef>> =>
  fc
    .array(
      fc.record({
        storeId: fc.constantFrom(...STORES),
        active: fc.boolean(),
        successorGuideId: fc.option(fc.constantFrom(...GUIDE_IDS), { nil: null }),
        memberId: fc.option(fc.constantFrom(...memberIds), { nil: null }),
      }),
      { minLength: 6, maxLength: 6 },
    )
    .map((rows) => Object.fromEntries(rows.map((row, i) => [`g${i}`, { id: `g${i}`, ...row }])));

/** Drawn touches in drawing order: seq 1, 2, … each with its own share code. */
const numbered = (rows: Array<Omit<Touch, 'seq' | 'shareCode'>>): Touch[] =>
  rows.map((r, i) => ({ seq: i + 1, shareCode: `code${i + 1}`, ...r }));

/** The fields of every member binding: service guide and store, opening guide. */
const bindingFields = {
  serviceGuideId: fc.option(fc.constantFrom(...GUIDE_IDS), { nil: null }),
  serviceStoreId: fc.option(fc.constantFrom(...STORES), { nil: null }),
  openingGuideId: fc.option(fc.constantFrom(...GUIDE_IDS), { nil: null }),
};

/** The policy fields that are not options. */
const policyFields = (maxVersion: number) => ({
  version: fc.integer({ min: 1, max: maxVersion }),
  onlineWindowHours: fc.constantFrom(0, 24, 168),
  storeWindowHours: fc.constantFrom(0, 48, 336),
  selfReferral: fc.constantFrom('deny' as const, 'allow' as const),
});

/** An online order at T0 by one of two members (or a stranger), over the given arbitraries. */
const orderArb = (arbs: {
  touches: fc.Arbitrary<Touch[]>;
  member: fc.Arbitrary<MemberBinding>;
  live: fc.Arbitrary<LiveSession | null>;
  policy: fc.Arbitrary<AttributionPolicy>;
  guides: fc.Arbitrary<Record<string, GuideRef>>;
}) => fc.record({ buyerMemberId: fc.constantFrom('m0', 'm1', 'm9'), orderAt: fc.constant(T0), ...arbs });

/** The arbitraries' building blocks. */
export const gen = { guidesOf, numbered, bindingFields, policyFields, orderArb };
