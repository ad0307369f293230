// TEST ORACLE (excluded from the build): attribution exactly as it was before the policy options
// existed. The property tests check that the default policy decides every sequence the same way.
// Attribution (归因): which guide and store a sale credits, by which rule, from which touch.
// docs/DOMAIN.md "Core rules" 3–6. Decided once, stored on the order, never silently recomputed.
import { findGuide, resolveActiveGuide } from './guides.js';
import { latestTouch, latestTouchWithinWindow } from './touches.js';
import type {
  AttributionDecision as CurrentDecision,
  AttributionPolicy as CurrentPolicy,
  GuideRef,
  LiveSession,
  MemberBinding,
  Touch,
} from './types.js';

type AttributionPolicy = Pick<CurrentPolicy, 'version' | 'onlineWindowHours' | 'storeWindowHours' | 'selfReferral'>;
export type AttributionDecision = Omit<CurrentDecision, 'creditedInsteadOf'> & { creditedInsteadOf: string | null };
import { requireNonNegativeInteger, requireSafeInteger } from './validate.js';

export interface OnlineAttributionInput {
  buyerMemberId: string;
  orderAt: number;
  touches: Touch[];
  member: MemberBinding;
  /** The live session the order was placed in (the order's `liveId`), if any. */
  live: LiveSession | null;
  policy: AttributionPolicy;
  /** Every guide named by the touches and the binding, plus their successors. */
  guides: Record<string, GuideRef>;
}

export interface StoreAttributionInput {
  buyerMemberId: string;
  soldAt: number;
  touches: Touch[];
  member: MemberBinding;
  redeemingStoreId: string;
  policy: AttributionPolicy;
  guides: Record<string, GuideRef>;
}

/** What a rule pointed at before departures and self-referral are taken into account. */
interface GuideCandidate {
  rule: 'share' | 'live_share' | 'service_guide';
  guideId: string;
  touch: Touch | null;
  /** Store to credit when the guide is unknown to `guides` and nobody active holds the credit. */
  storeIfGuideUnknown: string | null;
}

interface DecisionContext {
  buyerMemberId: string;
  policy: AttributionPolicy;
  guides: Record<string, GuideRef>;
}

/**
 * Online order (paid in the mini-program): live card during its live session, else the last share
 * touch within the online window, else the member's service guide, else the service store, else nobody.
 */
export function decideOnlineAttribution(input: OnlineAttributionInput): AttributionDecision {
  const { orderAt, touches, member, live, policy } = input;
  requireSafeInteger('orderAt', orderAt);
  requirePolicy(policy);

  // A live card credits its guide for orders in that session whatever store runs the live, and
  // wins over a later product share: the live is what the consumer is buying in.
  if (live !== null && orderAt >= live.startsAt && orderAt <= live.endsAt) {
    const liveTouch = latestTouch(touches, (t) => t.kind === 'live' && t.targetId === live.id && t.at <= orderAt);
    if (liveTouch) return creditGuide(candidateFromTouch('live_share', liveTouch), input);
  }

  const shareTouch = latestTouchWithinWindow(touches, orderAt, policy.onlineWindowHours);
  if (shareTouch) return creditGuide(candidateFromTouch('share', shareTouch), input);

  if (member.serviceGuideId !== null) {
    return creditGuide(
      {
        rule: 'service_guide',
        guideId: member.serviceGuideId,
        touch: null,
        storeIfGuideUnknown: member.serviceStoreId,
      },
      input,
    );
  }
  if (member.serviceStoreId !== null) return creditStore(member.serviceStoreId, null, null, policy);
  return creditNobody(policy);
}

/**
 * In-store sale (member code or voucher redeemed at a counter): the last share touch within the
 * store window, else the service guide, else the redeeming store. No live rule: a counter sale is
 * not placed in a live session.
 */
export function decideStoreAttribution(input: StoreAttributionInput): AttributionDecision {
  const { soldAt, touches, member, redeemingStoreId, policy } = input;
  requireSafeInteger('soldAt', soldAt);
  requirePolicy(policy);

  const shareTouch = latestTouchWithinWindow(touches, soldAt, policy.storeWindowHours);
  if (shareTouch) return creditGuide(candidateFromTouch('share', shareTouch), input);

  if (member.serviceGuideId !== null) {
    return creditGuide(
      {
        rule: 'service_guide',
        guideId: member.serviceGuideId,
        touch: null,
        storeIfGuideUnknown: member.serviceStoreId ?? redeemingStoreId,
      },
      input,
    );
  }
  return creditStore(redeemingStoreId, null, null, policy);
}

function candidateFromTouch(rule: 'share' | 'live_share', touch: Touch): GuideCandidate {
  return { rule, guideId: touch.guideId, touch, storeIfGuideUnknown: touch.storeId };
}

/**
 * Credits the candidate's guide, or whoever inherited from them (继承) when they departed.
 * With no active heir the credit falls to the departed guide's store, which earns no commission.
 */
function creditGuide(candidate: GuideCandidate, context: DecisionContext): AttributionDecision {
  const { buyerMemberId, policy, guides } = context;
  const shareCode = candidate.touch?.shareCode ?? null;
  const touchedAt = candidate.touch?.at ?? null;
  const credited = resolveActiveGuide(candidate.guideId, guides);

  if (credited === null) {
    const storeId = findGuide(candidate.guideId, guides)?.storeId ?? candidate.storeIfGuideUnknown;
    const decision = storeId === null ? creditNobody(policy) : creditStore(storeId, shareCode, touchedAt, policy);
    return { ...decision, creditedInsteadOf: candidate.guideId };
  }

  const selfReferral = credited.memberId !== null && credited.memberId === buyerMemberId;
  return {
    rule: candidate.rule,
    guideId: credited.id,
    storeId: credited.storeId,
    shareCode,
    touchedAt,
    policyVersion: policy.version,
    // A denied self-referral keeps the guide on record (for reports) but earns nothing.
    commissionable: !(selfReferral && policy.selfReferral === 'deny'),
    selfReferral,
    creditedInsteadOf: credited.id === candidate.guideId ? null : candidate.guideId,
  };
}

function creditStore(
  storeId: string,
  shareCode: string | null,
  touchedAt: number | null,
  policy: AttributionPolicy,
): AttributionDecision {
  return {
    rule: 'store',
    guideId: null,
    storeId,
    shareCode,
    touchedAt,
    policyVersion: policy.version,
    commissionable: false,
    selfReferral: false,
    creditedInsteadOf: null,
  };
}

function creditNobody(policy: AttributionPolicy): AttributionDecision {
  return {
    rule: 'none',
    guideId: null,
    storeId: null,
    shareCode: null,
    touchedAt: null,
    policyVersion: policy.version,
    commissionable: false,
    selfReferral: false,
    creditedInsteadOf: null,
  };
}

function requirePolicy(policy: AttributionPolicy): void {
  requireNonNegativeInteger('policy.onlineWindowHours', policy.onlineWindowHours);
  requireNonNegativeInteger('policy.storeWindowHours', policy.storeWindowHours);
}
