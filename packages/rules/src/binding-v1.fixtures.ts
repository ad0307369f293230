// TEST ORACLE (excluded from the build): binding on a touch as it was before the policy options.
import type { MemberBinding, Touch } from './types.js';

/**
 * The member's binding after a touch from a guide's share (docs/DOMAIN.md, core rule 5).
 *
 * The first guide a member meets becomes both opening guide (开卡导购) and service guide.
 * Binding never moves a member: a member already served by a guide keeps that guide, and a member
 * bound to a store (even without a guide, e.g. after their guide departed with no successor) is
 * only given a guide of that same store — buying in another city never rebinds.
 * An existing opening guide is never replaced.
 *
 * Returns `member` itself when nothing changes, so callers can skip the write by identity.
 * The caller passes the touch's guide as it should be bound (an active guide).
 */
export function bindOnTouch(member: MemberBinding, touch: Pick<Touch, 'guideId' | 'storeId'>): MemberBinding {
  if (member.serviceGuideId !== null) return member;
  if (member.serviceStoreId !== null && member.serviceStoreId !== touch.storeId) return member;
  return {
    serviceGuideId: touch.guideId,
    serviceStoreId: touch.storeId,
    openingGuideId: member.openingGuideId ?? touch.guideId,
  };
}
