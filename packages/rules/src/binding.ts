// Binding (绑定): who a member's service guide is, and how the policy lets that change
// (docs/DOMAIN.md core rule 5; docs/DOMAIN.md "Attribution policy options"). Pure: the API loads the member's
// binding, asks `decideBinding`, and writes back exactly what it returns (audited when it is a
// policy change, not a first binding).
import type { BindingPolicy, MemberBinding, Touch } from './types.js';

const DAY_MS = 86_400_000;
/** Validity is counted in days: renewing it at most hourly spares the visit path a write per touch. */
const RENEW_EVERY_MS = 3_600_000;

/**
 * What may change a binding: a touch through an active guide's share, or the member's registration
 * (开卡) with the registering guide (the guide of their current share touch, active).
 */
export interface BindingEvent {
  type: 'touch' | 'registration';
  guideId: string;
  /** The guide's store (the store the binding gets). */
  storeId: string;
  at: number;
}

/**
 * `bind`: an unbound member (or a store-bound member without a guide) gets a guide.
 * `override`: the override mode moves a bound member to the latest sharer.
 * `expiry`: the binding lapsed (no touch from the service guide for `bindingValidityDays`); the
 * member is unbound, or bound to the event's guide at once when the mode allows.
 * `service_touch`: the service guide touched their own member (only the touch time changes).
 */
export type BindingChangeKind = 'bind' | 'override' | 'expiry' | 'service_touch';

export interface BindingDecision {
  binding: MemberBinding;
  /** null when nothing changed: the caller skips the write. */
  change: BindingChangeKind | null;
}

/** Whether a binding younger than the protection period is still protected at `at`. */
export function isProtected(member: MemberBinding, at: number, policy: BindingPolicy): boolean {
  if (member.serviceGuideId === null || policy.protectionDays === 0) return false;
  const boundAt = member.boundAt ?? null;
  return boundAt !== null && at - boundAt < policy.protectionDays * DAY_MS;
}

/**
 * Whether the member's service binding has lapsed at `at`: validity is set, the binding is not
 * protected, and neither the binding nor any touch from the service guide (the stored
 * `serviceTouchedAt`, or one of `touches` up to `at`) is within `bindingValidityDays`. A binding whose
 * age is unknown never lapses.
 */
export function hasLapsed(
  member: MemberBinding,
  at: number,
  policy: BindingPolicy,
  touches: readonly Touch[] = [],
): boolean {
  if (policy.bindingValidityDays === null || member.serviceGuideId === null) return false;
  if (isProtected(member, at, policy)) return false;
  let last = Math.max(member.boundAt ?? -Infinity, member.serviceTouchedAt ?? -Infinity);
  for (const t of touches) if (t.guideId === member.serviceGuideId && t.at <= at && t.at > last) last = t.at;
  if (last === -Infinity) return false;
  return at - last > policy.bindingValidityDays * DAY_MS;
}

/** The binding as it stands at `at`: a lapsed binding is no binding (the opening guide is history and stays). */
export function effectiveBinding(
  member: MemberBinding,
  at: number,
  policy: BindingPolicy,
  touches: readonly Touch[] = [],
): MemberBinding {
  if (!hasLapsed(member, at, policy, touches)) return member;
  return unboundFrom(member);
}

const unboundFrom = (member: MemberBinding): MemberBinding => ({
  serviceGuideId: null,
  serviceStoreId: null,
  openingGuideId: member.openingGuideId,
  boundAt: null,
  serviceTouchedAt: null,
});

/**
 * The member's binding after `event` under `policy`.
 *
 * - The service guide's own touch keeps the binding and renews its validity (`serviceTouchedAt`,
 *   at most hourly).
 * - A lapsed binding is dropped first (`expiry`); the member is then unbound.
 * - An unbound member — or one bound to a store without a guide, by a guide of that store (a
 *   member who travels is never rebound elsewhere) — gets the event's guide as service guide, and
 *   as opening guide if they have none; in `on_registration` mode only registration binds.
 * - In `override` mode a bound member moves to the event's guide unless the binding is protected.
 * - Otherwise nothing changes. An existing opening guide is never replaced.
 *
 * Returns `member` itself when nothing changes, so callers can skip the write by identity.
 */
export function decideBinding(member: MemberBinding, event: BindingEvent, policy: BindingPolicy): BindingDecision {
  if (member.serviceGuideId !== null && member.serviceGuideId === event.guideId) {
    if (event.type !== 'touch' || (member.serviceTouchedAt ?? -Infinity) > event.at - RENEW_EVERY_MS)
      return { binding: member, change: null };
    return { binding: { ...member, serviceTouchedAt: event.at }, change: 'service_touch' };
  }
  const lapsed = hasLapsed(member, event.at, policy);
  const base = lapsed ? unboundFrom(member) : member;
  const unchanged: BindingDecision = lapsed ? { binding: base, change: 'expiry' } : { binding: member, change: null };
  const mayBindFresh = policy.bindingMode !== 'on_registration' || event.type === 'registration';
  const bound: MemberBinding = {
    serviceGuideId: event.guideId,
    serviceStoreId: event.storeId,
    openingGuideId: base.openingGuideId ?? event.guideId,
    boundAt: event.at,
    serviceTouchedAt: null,
  };

  if (base.serviceGuideId === null) {
    if (!mayBindFresh) return unchanged;
    if (base.serviceStoreId !== null && base.serviceStoreId !== event.storeId) return unchanged;
    return { binding: bound, change: lapsed ? 'expiry' : 'bind' };
  }
  if (policy.bindingMode === 'override' && !isProtected(base, event.at, policy)) {
    return { binding: { ...bound, openingGuideId: base.openingGuideId ?? event.guideId }, change: 'override' };
  }
  return unchanged;
}
