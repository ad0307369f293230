// Attribution (归因): which guide and store a sale credits, by which rule, from which touch.
// docs/DOMAIN.md "Core rules" 3–6. Decided once, stored on the order, never silently recomputed.
// Policy options (docs/DOMAIN.md "Attribution policy options") only narrow which share touches may take the
// credit and whether the binding still holds; with the defaults every decision is exactly today's.
import { effectiveBinding } from './binding.js';
import { findGuide, resolveActiveGuide } from './guides.js';
import { latestTouch, latestTouchWithinWindow } from './touches.js';
import type {
  AttributionDecision,
  AttributionPolicy,
  GuideRef,
  LiveSession,
  MemberBinding,
  PassedOver,
  Touch,
} from './types.js';
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
  /** The sharer whose touch the policy did not let take the credit, if any. */
  passedOver?: PassedOver | null;
}

/**
 * Online order (paid in the mini-program): live card during its live session, else the last share
 * touch within the online window, else the member's service guide, else the service store, else nobody.
 */
export function decideOnlineAttribution(input: OnlineAttributionInput): AttributionDecision {
  const { orderAt, touches, live, policy } = input;
  requireSafeInteger('orderAt', orderAt);
  requirePolicy(policy);
  const member = effectiveBinding(input.member, orderAt, policy, touches);

  // A live card credits its guide for orders in that session whatever store runs the live, and
  // wins over a later product share: the live is what the consumer is buying in.
  if (live !== null && orderAt >= live.startsAt && orderAt <= live.endsAt) {
    const liveTouch = latestTouch(touches, (t) => t.kind === 'live' && t.targetId === live.id && t.at <= orderAt);
    if (liveTouch) return creditGuide(candidateFromTouch('live_share', liveTouch), input);
  }

  return shareThenService(input, member, orderAt, policy.onlineWindowHours, member.serviceStoreId);
}

/**
 * In-store sale (member code or voucher redeemed at a counter): the last share touch within the
 * store window, else the service guide, else the redeeming store. No live rule: a counter sale is
 * not placed in a live session.
 */
export function decideStoreAttribution(input: StoreAttributionInput): AttributionDecision {
  const { soldAt, touches, redeemingStoreId, policy } = input;
  requireSafeInteger('soldAt', soldAt);
  requirePolicy(policy);
  const member = effectiveBinding(input.member, soldAt, policy, touches);

  return shareThenService(input, member, soldAt, policy.storeWindowHours, redeemingStoreId);
}

/**
 * The tail both channels share: the last share touch the policy lets take the credit within the
 * window, else the service guide, else `fallbackStoreId` (the service store online, the redeeming
 * store at a counter), else nobody.
 */
function shareThenService(
  input: DecisionContext & { touches: readonly Touch[] },
  member: MemberBinding,
  at: number,
  windowHours: number,
  fallbackStoreId: string | null,
): AttributionDecision {
  const { policy } = input;
  const { touch: shareTouch, passedOver } = eligibleShareTouch(input.touches, at, windowHours, member, policy);
  const context = { ...input, passedOver };
  if (shareTouch) return creditGuide(candidateFromTouch('share', shareTouch), context);
  if (member.serviceGuideId !== null) {
    return creditGuide(
      {
        rule: 'service_guide',
        guideId: member.serviceGuideId,
        touch: null,
        storeIfGuideUnknown: member.serviceStoreId ?? fallbackStoreId,
      },
      context,
    );
  }
  if (fallbackStoreId !== null) return creditStore(fallbackStoreId, null, null, policy, passedOver);
  return creditNobody(policy, passedOver);
}

/**
 * Whether a share touch may take the credit under the policy. The member's own service guide always
 * may. With `crossStoreShareCredit: false` a touch from another store than the member's service store
 * may not; with `service_first_same_store` a touch from another guide of the service store may not
 * take it from the service guide. A member without a service store (or guide) is not restricted.
 */
export function shareMayTakeCredit(touch: Touch, member: MemberBinding, policy: AttributionPolicy): boolean {
  if (member.serviceGuideId !== null && touch.guideId === member.serviceGuideId) return true;
  const store = member.serviceStoreId;
  if (store === null) return true;
  if (!policy.crossStoreShareCredit && touch.storeId !== store) return false;
  if (
    policy.servicePriority === 'service_first_same_store' &&
    member.serviceGuideId !== null &&
    touch.storeId === store
  )
    return false;
  return true;
}

/**
 * The last-touch winner among the touches the policy lets take credit, and — when the latest touch
 * in the window was not one of them — that touch's guide as the one passed over.
 */
function eligibleShareTouch(
  touches: readonly Touch[],
  at: number,
  windowHours: number,
  member: MemberBinding,
  policy: AttributionPolicy,
): { touch: Touch | null; passedOver: PassedOver | null } {
  const latest = latestTouchWithinWindow(touches, at, windowHours);
  if (latest === null || shareMayTakeCredit(latest, member, policy)) return { touch: latest, passedOver: null };
  const windowStart = at - windowHours * 3_600_000;
  const touch = latestTouch(touches, (t) => t.at >= windowStart && t.at <= at && shareMayTakeCredit(t, member, policy));
  return { touch, passedOver: { guideId: latest.guideId, rule: 'share' } };
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
  // The policy's passing over a sharer is the first thing that happened; a departure comes after.
  const departedInstead = { guideId: candidate.guideId, rule: candidate.rule };
  const passedOver = context.passedOver ?? null;

  if (credited === null) {
    const storeId = findGuide(candidate.guideId, guides)?.storeId ?? candidate.storeIfGuideUnknown;
    const decision = storeId === null ? creditNobody(policy) : creditStore(storeId, shareCode, touchedAt, policy);
    return { ...decision, creditedInsteadOf: passedOver ?? departedInstead };
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
    creditedInsteadOf:
      passedOver !== null && passedOver.guideId !== credited.id
        ? passedOver
        : credited.id === candidate.guideId
          ? null
          : departedInstead,
  };
}

function creditStore(
  storeId: string,
  shareCode: string | null,
  touchedAt: number | null,
  policy: AttributionPolicy,
  creditedInsteadOf: PassedOver | null = null,
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
    creditedInsteadOf,
  };
}

function creditNobody(policy: AttributionPolicy, creditedInsteadOf: PassedOver | null = null): AttributionDecision {
  return {
    rule: 'none',
    guideId: null,
    storeId: null,
    shareCode: null,
    touchedAt: null,
    policyVersion: policy.version,
    commissionable: false,
    selfReferral: false,
    creditedInsteadOf,
  };
}

function requirePolicy(policy: AttributionPolicy): void {
  requireNonNegativeInteger('policy.onlineWindowHours', policy.onlineWindowHours);
  requireNonNegativeInteger('policy.storeWindowHours', policy.storeWindowHours);
  requireNonNegativeInteger('policy.protectionDays', policy.protectionDays);
  if (policy.bindingValidityDays !== null)
    requireNonNegativeInteger('policy.bindingValidityDays', policy.bindingValidityDays);
}
