// Shared test data for the attribution tests (excluded from the build).
import { DEFAULT_POLICY_OPTIONS } from './types.js';
import type { AttributionDecision, AttributionPolicy, GuideRef, LiveSession, MemberBinding, Touch } from './types.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** An arbitrary fixed "now": 2025-03-01T00:00:00Z. */
export const T0 = Date.UTC(2025, 2, 1);

export const policy: AttributionPolicy = {
  version: 3,
  onlineWindowHours: 7 * 24,
  storeWindowHours: 14 * 24,
  selfReferral: 'deny',
  ...DEFAULT_POLICY_OPTIONS,
};

export function guide(id: string, storeId: string, extra: Partial<GuideRef> = {}): GuideRef {
  return { id, storeId, active: true, successorGuideId: null, memberId: null, ...extra };
}

export function departed(id: string, storeId: string, successorGuideId: string | null): GuideRef {
  return guide(id, storeId, { active: false, successorGuideId });
}

/**
 * g1@s1 (the guide's own consumer account is m-g1), g2@s2, g3@s1 (member m-g3);
 * d1@s1 departed → g2; d2 → d3 → g3 (a chain of departures); c1 ⇄ c2 (a cycle, bad data);
 * dx@s3 departed with no successor; dm → missing (successor not loaded).
 */
export const guides: Record<string, GuideRef> = Object.fromEntries(
  [
    guide('g1', 's1', { memberId: 'm-g1' }),
    guide('g2', 's2'),
    guide('g3', 's1', { memberId: 'm-g3' }),
    departed('d1', 's1', 'g2'),
    departed('d2', 's4', 'd3'),
    departed('d3', 's5', 'g3'),
    departed('c1', 's6', 'c2'),
    departed('c2', 's7', 'c1'),
    departed('dx', 's3', null),
    departed('dm', 's8', 'missing'),
  ].map((g) => [g.id, g]),
);

export const unbound: MemberBinding = { serviceGuideId: null, serviceStoreId: null, openingGuideId: null };

let nextSeq = 1;
/** A touch through guide `guideId`'s code at `at`; seq increases with each call unless given. */
export function touch(guideId: string, at: number, extra: Partial<Touch> = {}): Touch {
  const seq = extra.seq ?? nextSeq++;
  return {
    seq,
    shareCode: `code-${guideId}-${seq}`,
    guideId,
    storeId: guides[guideId]?.storeId ?? 's-unknown',
    kind: 'product',
    targetId: 'p1',
    at,
    ...extra,
  };
}

export const live: LiveSession = { id: 'live1', storeId: 's2', startsAt: T0 - 2 * HOUR, endsAt: T0 + 2 * HOUR };

export function liveTouch(guideId: string, at: number, liveId = live.id, extra: Partial<Touch> = {}): Touch {
  return touch(guideId, at, { kind: 'live', targetId: liveId, ...extra });
}

/** What every decision input starts from: a buyer with no binding and no touches, under `policy` and `guides`. */
export const baseInput = { buyerMemberId: 'm-buyer', touches: [] as Touch[], member: unbound, policy, guides };

const NOBODY = { rule: 'none', guideId: null, storeId: null, shareCode: null, touchedAt: null } as const;
const UNPAID = { commissionable: false, selfReferral: false, creditedInsteadOf: null } as const;

/** A decision crediting nobody under policy version 3, but for `d`: tests spell out only what differs. */
export function decision(d: Partial<AttributionDecision>): AttributionDecision {
  return { ...NOBODY, policyVersion: policy.version, ...UNPAID, ...d };
}

/** The decision crediting touch `t`'s guide through it, at `storeId`, with commission. */
export function creditedBy(t: Touch, storeId: string, d: Partial<AttributionDecision> = {}): AttributionDecision {
  const evidence = { shareCode: t.shareCode, touchedAt: t.at };
  return decision({ rule: 'share', guideId: t.guideId, storeId, ...evidence, commissionable: true, ...d });
}
