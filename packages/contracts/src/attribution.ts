// Attribution of an order, and its corrections and claims (补录).
/** `manual`: an admin's correction or an approved claim (补录). */
export type AttributionRule = 'share' | 'live_share' | 'service_guide' | 'store' | 'none' | 'manual';

export interface Attribution {
  guideId: string | null;
  storeId: string | null;
  rule: AttributionRule;
  shareCode: string | null;
  touchedAt: string | null;
  policyVersion: number;
  /** false when nobody earns on the order (no guide, or self-referral denied) */
  commissionable: boolean;
  selfReferral: boolean;
  /** The guide (and rule) the decision passed over: a sharer the policy let not take the credit, a departed guide, or the guide a correction replaced. */
  creditedInsteadOf?: { guideId: string; rule: AttributionRule };
}

/** A guide's claim (补录) of an uncredited counter sale: `POST /api/guides/me/claims`. */
export type ClaimStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED';
export interface AttributionClaim {
  id: string;
  guideId: string;
  storeId: string;
  receiptNo: string;
  orderId: string;
  reason: string;
  status: ClaimStatus;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}
/** One step of `GET /api/admin/orders/:id/attribution-history`. */
export interface AttributionCorrection {
  id: string;
  orderId: string;
  seq: number;
  from: { guideId: string | null; storeId: string | null; rule: AttributionRule };
  to: { guideId: string; storeId: string | null };
  actorId: string;
  claimId: string | null;
  reason: string;
  createdAt: string;
}
