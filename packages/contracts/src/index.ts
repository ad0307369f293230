// The HTTP contract of ../shared/API.md as TypeScript types, shared by api/ and miniapp/.
// Field names are fixed by the contract; money is integer fen, rates are basis points.
export * from './share-code.js';
export * from './money.js';
export * from './console.js';

export type Role = 'consumer' | 'guide' | 'finance' | 'admin' | 'clerk';
export type ShareKind = 'product' | 'live' | 'store' | 'poster';
export type OrderStatus = 'PENDING_PAYMENT' | 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'CANCELLED' | 'COMPLETED';
export type OrderChannel = 'online' | 'store';
export type AttributionRule = 'share' | 'live_share' | 'service_guide' | 'store' | 'none';
export type LedgerEntryKind = 'accrual' | 'reversal' | 'adjustment';
export type SelfReferralPolicy = 'deny' | 'allow';

export interface ApiError {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
}

export interface AuthWechatRequest {
  code: string;
}
export interface AuthWechatResponse {
  token: string;
  member: { id: string; openid: string };
}
export interface AuthGuideRequest {
  code: string;
}
export interface AuthGuideResponse {
  token: string;
  guide: { id: string; storeId: string; name: string };
}
export interface AuthStaffRequest {
  username: string;
  password: string;
}
export interface AuthStaffResponse {
  token: string;
  role: Role;
}

export interface Store {
  id: string;
  name: string;
  city: string;
}
export interface Guide {
  id: string;
  storeId: string;
  name: string;
  wecomUserId: string;
  status: 'active' | 'departed';
}
export interface Category {
  id: string;
  name: string;
  commissionRateBps: number | null;
}
export interface Sku {
  id: string;
  name: string;
  priceFen: number;
  stock: number;
}
export interface Product {
  id: string;
  name: string;
  categoryId: string;
  /** The first of `imageUrls`, or '' without images. */
  imageUrl: string;
  imageUrls: string[];
  description: string;
  skus: Sku[];
}

export interface Policy {
  version: number;
  onlineWindowHours: number;
  storeWindowHours: number;
  selfReferral: SelfReferralPolicy;
  defaultRateBps: number;
  serviceRateBps: number;
  coolingOffDays: number;
}
export type PolicyInput = Omit<Policy, 'version'>;

export interface CreateShareRequest {
  kind: ShareKind;
  targetId: string;
}
export interface Share {
  code: string;
  kind: ShareKind;
  targetId: string;
  guideId: string;
  storeId: string;
  path: string;
  scene: string;
}
export interface RecordVisitRequest {
  shareCode: string;
  scene?: number;
  chatType?: number;
  path?: string;
}

export interface OrderLineInput {
  skuId: string;
  quantity: number;
}
export interface CreateOrderRequest {
  lines: OrderLineInput[];
  shareCode?: string;
  liveId?: string;
}
export interface OrderLine {
  id: string;
  /** null on an amount-only counter receipt */
  skuId: string | null;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  refundedQuantity?: number;
  refundedFen?: number;
}
export interface Attribution {
  guideId: string | null;
  storeId: string | null;
  rule: AttributionRule;
  shareCode: string | null;
  touchedAt: string | null;
  policyVersion: number;
  /** false when nobody earns on the order (no guide, or self-referral denied) */
  commissionable?: boolean;
  selfReferral?: boolean;
}
export interface Order {
  id: string;
  status: OrderStatus;
  channel: OrderChannel;
  storeId: string | null;
  memberId: string | null;
  totalFen: number;
  paidFen?: number;
  refundedFen?: number;
  receiptNo?: string | null;
  liveId?: string | null;
  lines: OrderLine[];
  attribution: Attribution | null;
  createdAt: string;
  paidAt?: string | null;
}
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface CommissionEntry {
  id: string;
  orderId: string | null;
  kind: LedgerEntryKind;
  amountFen: number;
  rateBps: number | null;
  availableAt: string;
  settlementId: string | null;
}
export interface CommissionsResponse {
  entries: CommissionEntry[];
  pendingFen: number;
  availableFen: number;
  settledFen: number;
}
