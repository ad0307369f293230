// The HTTP contract of docs/DOMAIN.md as TypeScript types, shared by api/ and miniapp/.
// Field names are fixed by the contract; money is integer fen, rates are basis points.
export * from './share-code.js';
export * from './money.js';
export * from './console.js';
export * from './console-finance.js';

export type Role = 'consumer' | 'guide' | 'finance' | 'admin' | 'clerk';
export type ShareKind = 'product' | 'live' | 'store' | 'poster';
export type OrderStatus = 'PENDING_PAYMENT' | 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'CANCELLED' | 'COMPLETED';
export type OrderChannel = 'online' | 'store';
/** `manual`: an admin's correction or an approved claim (补录). */
export type AttributionRule = 'share' | 'live_share' | 'service_guide' | 'store' | 'none' | 'manual';
export type BindingMode = 'first_touch' | 'on_registration' | 'override';
export type ServicePriority = 'sharer_first' | 'service_first_same_store';
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
  /** A clerk's store (the only one it acts for). */
  storeId?: string;
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
  bindingMode: BindingMode;
  /** null: permanent */
  bindingValidityDays: number | null;
  protectionDays: number;
  servicePriority: ServicePriority;
  crossStoreShareCredit: boolean;
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
/** wx.getGroupEnterInfo's encrypted data (decrypted by the API with the member's session key). */
export interface GroupEnterInfo {
  encryptedData: string;
  iv: string;
}

export interface RecordVisitRequest {
  shareCode: string;
  scene?: number;
  chatType?: number;
  path?: string;
  /** When the card was opened in a group chat (the entry has a shareTicket). */
  group?: GroupEnterInfo;
}

export interface OrderLineInput {
  skuId: string;
  quantity: number;
}
export interface CreateOrderRequest {
  lines: OrderLineInput[];
  shareCode?: string;
  liveId?: string;
  /** online orders: delivery to an address or pickup at a store; absent = delivery decided later (legacy) */
  fulfilment?: FulfilmentRequest;
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
  /** The guide (and rule) the decision passed over: a sharer the policy let not take the credit, a departed guide, or the guide a correction replaced. */
  creditedInsteadOf?: { guideId: string; rule: AttributionRule };
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
  /** short number to read out or copy (e.g. 26113012345678); null on orders from before it existed */
  orderNo?: string | null;
  /** online orders with a fulfilment choice; null for counter sales */
  fulfilment?: Fulfilment | null;
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
  /** The order's short number as its buyer sees it (null for entries without an order). */
  orderNo?: string | null;
  /** The product of the order line the entry is for (null for order-wide or manual entries). */
  productName?: string | null;
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

// ---- Fulfilment (docs/DOMAIN.md Additions "Fulfilment") ----
export type FulfilmentType = 'delivery' | 'pickup';
export type FulfilmentStatus = 'PENDING' | 'SHIPPED' | 'READY_FOR_PICKUP' | 'FULFILLED';
/** A delivery address as WeChat's `wx.chooseAddress` gives it (userName, telNumber, provinceName…). */
export interface DeliveryAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}
export type FulfilmentRequest = { type: 'delivery'; address: DeliveryAddress } | { type: 'pickup'; storeId: string };
export interface Fulfilment {
  type: FulfilmentType;
  status: FulfilmentStatus;
  /** delivery only; null once the member deleted their account */
  address?: DeliveryAddress | null;
  /** pickup only: the chosen store */
  storeId?: string;
  /** pickup only, shown to the buyer alone and only once the order is paid */
  pickupCode?: string;
  carrier?: string;
  trackingNo?: string;
  shippedAt?: string;
  fulfilledAt?: string;
}
export interface ShipmentRequest {
  carrier: string;
  trackingNo: string;
}
export interface PickupRequest {
  pickupCode: string;
}

// ---- After-sales (docs/DOMAIN.md Additions "After-sales") ----
export type AfterSaleStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'REFUNDED';
export interface CreateAfterSaleRequest {
  lines?: Array<{ lineId: string; quantity: number }>;
  amountFen?: number;
  reason: string;
}
export interface AfterSale {
  id: string;
  orderId: string;
  status: AfterSaleStatus;
  reason: string;
  /** what was asked for: lines, an amount, or neither (everything still refundable) */
  lines: Array<{ lineId: string; quantity: number }>;
  amountFen: number | null;
  /** the amount the request comes to (planned when it was made) */
  requestedFen: number;
  rejectReason: string | null;
  /** the refund created on approval, and its status at WeChat Pay */
  refundId: string | null;
  refundStatus: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'FAILED' | null;
  createdAt: string;
  decidedAt: string | null;
  refundedAt: string | null;
}

// ---- Account and privacy ----
export interface MemberAddress extends DeliveryAddress {
  updatedAt: string;
}
/** `GET /api/members/me/data`: what the brand holds about the member (PIPL access right). */
export interface MemberDataExport {
  member: {
    id: string;
    openid: string;
    unionid: string | null;
    phone: string | null;
    registeredAt: string | null;
    openingGuideId: string | null;
    serviceGuideId: string | null;
    serviceStoreId: string | null;
    boundAt: string | null;
    createdAt: string;
  };
  addresses: MemberAddress[];
  orders: Order[];
  visits: Array<{
    shareCode: string;
    guideId: string;
    kind: ShareKind;
    targetId: string;
    scene: number | null;
    visitedAt: string;
  }>;
  afterSales: AfterSale[];
  /** what each kind of data is kept for */
  purposes: Record<string, string>;
  exportedAt: string;
}

/** `GET /api/shares/:code/guide`: the sharing guide's public card on the product page ("导购 王小美 为你推荐"). */
export interface GuideCard {
  guideId: string;
  name: string;
  storeId: string;
  storeName: string;
  storeCity: string;
  /** false once the guide has left the brand (the page shows the store only) */
  active: boolean;
  /** not kept yet: null */
  avatarUrl: string | null;
  /** a WeCom "contact me" QR code for adding the guide, when configured (not yet: null) */
  contactQrUrl: string | null;
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
