// Plain-data shapes the rules read and return. The API loads these from its database, calls the
// rules, and persists the result; nothing here knows about storage, HTTP or the clock.

import type { AttributionRule, BindingMode, ServicePriority, ShareKind } from '@guideshare/contracts';

// The vocabulary is the contracts' (one definition for the API, the clients and the rules). An
// `AttributionRule` is stored on the order as evidence (docs/DOMAIN.md, core rule 7); `manual` is set
// by an admin's correction or an approved claim, never by the rules themselves.
export type { AttributionRule, BindingMode, ServicePriority, ShareKind };

/**
 * A consumer opening the mini-program through a share code. `at` is epoch milliseconds;
 * `seq` increases in record order and breaks ties between touches with the same `at`.
 */
export interface Touch {
  seq: number;
  shareCode: string;
  guideId: string;
  /** The guide's store when the code was issued. */
  storeId: string;
  kind: ShareKind;
  /** Product, live, store or poster id, according to `kind`. */
  targetId: string;
  at: number;
}

export interface GuideRef {
  id: string;
  /** The guide's current store; attribution credits this store. */
  storeId: string;
  active: boolean;
  /** Who inherits a departed guide's credit (继承); may itself have departed since. */
  successorGuideId: string | null;
  /** The guide's own linked consumer account, to recognise self-referral. */
  memberId: string | null;
}

export interface MemberBinding {
  serviceGuideId: string | null;
  serviceStoreId: string | null;
  openingGuideId: string | null;
  /** When the current service binding was made (epoch ms); null or absent when unknown or unbound. */
  boundAt?: number | null;
  /** The service guide's latest touch of this member (epoch ms), for binding validity. */
  serviceTouchedAt?: number | null;
}

/** The binding part of the policy. */
export interface BindingPolicy {
  bindingMode: BindingMode;
  /** Days without a touch from the service guide after which a binding lapses; null = permanent. */
  bindingValidityDays: number | null;
  /** While a binding is younger than this many days, no other guide can take it. */
  protectionDays: number;
}

export interface AttributionPolicy extends BindingPolicy {
  version: number;
  onlineWindowHours: number;
  storeWindowHours: number;
  selfReferral: 'deny' | 'allow';
  servicePriority: ServicePriority;
  /** False: a share by a guide of another store than the member's service store earns no credit. */
  crossStoreShareCredit: boolean;
}

/** The options' defaults: exactly the behaviour before they existed. */
export const DEFAULT_POLICY_OPTIONS: Omit<
  AttributionPolicy,
  'version' | 'onlineWindowHours' | 'storeWindowHours' | 'selfReferral'
> = {
  bindingMode: 'first_touch',
  bindingValidityDays: null,
  protectionDays: 0,
  servicePriority: 'sharer_first',
  crossStoreShareCredit: true,
};

/** The guide (and the rule that pointed at them) that a decision passed over, kept as evidence. */
export interface PassedOver {
  guideId: string;
  rule: AttributionRule;
}

export interface LiveSession {
  id: string;
  storeId: string;
  startsAt: number;
  endsAt: number;
}

export interface AttributionDecision {
  rule: AttributionRule;
  guideId: string | null;
  storeId: string | null;
  /** The code of the touch the decision rests on, kept even when its guide's credit fell to the store. */
  shareCode: string | null;
  touchedAt: number | null;
  policyVersion: number;
  /** False when nobody is credited or self-referral is denied. */
  commissionable: boolean;
  /** The credited guide is the buyer. */
  selfReferral: boolean;
  /**
   * Who the rules first pointed at when the credit went elsewhere: a sharer whose touch the policy
   * does not let take the credit (`crossStoreShareCredit`, `servicePriority`), or a departed guide
   * whose credit went to a successor or, with no active successor, to the store. Else null.
   */
  creditedInsteadOf: PassedOver | null;
}
