// Plain-data shapes the rules read and return. The API loads these from its database, calls the
// rules, and persists the result; nothing here knows about storage, HTTP or the clock.

/** Which rule credited an order; stored on the order as evidence (DESIGN.md, core rule 7). */
export type AttributionRule = 'share' | 'live_share' | 'service_guide' | 'store' | 'none';

export type ShareKind = 'product' | 'live' | 'store' | 'poster';

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
}

export interface AttributionPolicy {
  version: number;
  onlineWindowHours: number;
  storeWindowHours: number;
  selfReferral: 'deny' | 'allow';
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
   * The departed guide the rule first pointed at, when the credit went elsewhere: to `guideId`
   * (a successor), or — when no active successor exists — to the store (`guideId` null). Else null.
   */
  creditedInsteadOf: string | null;
}
