// Request and response types of the console's endpoints (docs/DOMAIN.md "Additions of 2026-11-30": catalog
// management, finance, staff), shared by api/, packages/console and the tests.
import type { StaffRole } from './auth.js';
import type { Category, Guide, Sku, Store } from './catalog.js';
import type { MemberProfile } from './members.js';
import type { Order, OrderChannel, OrderStatus } from './orders.js';
import type { Policy } from './policy.js';

/** A page of a listing: `page` is 1-based. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ---- catalog (admin) ----

/** What an admin sees of a product: everything, including commission rates and off-sale products. */
export interface AdminProduct {
  id: string;
  name: string;
  categoryId: string;
  description: string;
  /** The first of `imageUrls`, or '' without images. */
  imageUrl: string;
  imageUrls: string[];
  onSale: boolean;
  commissionRateBps: number | null;
  skus: Sku[];
  createdAt: string;
}

export interface CreateProductRequest {
  name: string;
  categoryId: string;
  description?: string;
  imageUrl?: string;
  imageUrls?: string[];
  onSale?: boolean;
  commissionRateBps?: number;
  skus: Array<{ name: string; priceFen: number; stock: number }>;
}

/** Every field optional; an explicit `null` is a 400. */
export interface UpdateProductRequest {
  name?: string;
  categoryId?: string;
  description?: string;
  imageUrls?: string[];
  commissionRateBps?: number;
  onSale?: boolean;
}

export interface UpdateSkuRequest {
  name?: string;
  priceFen?: number;
}

/** `delta` is signed and never 0; stock never goes below zero (`409 OUT_OF_STOCK`). */
export interface StockAdjustmentRequest {
  delta: number;
  reason: string;
}

export interface StockMovement {
  id: string;
  skuId: string;
  delta: number;
  stockAfter: number;
  reason: string;
  actorId: string | null;
  createdAt: string;
}

export interface StockAdjustmentResponse {
  sku: Sku;
  movement: StockMovement;
}

export interface UploadResponse {
  /** `/api/uploads/<sha256>`: the same bytes always get the same url. */
  url: string;
  id: string;
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  byteLength: number;
}

export interface UpdateCategoryRequest {
  name?: string;
  commissionRateBps?: number;
}

// ---- stores, guides, lives, staff, policy (admin) ----

export interface StoreKeySummary {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A store as the console lists it, with its counter keys (never their secrets). */
export interface AdminStore extends Store {
  createdAt: string;
  keys: StoreKeySummary[];
}

/** `POST /api/admin/stores/:id/keys`: a new counter key; its secret is shown this once. */
export interface IssuedStoreKey {
  id: string;
  storeId: string;
  key: string;
}

export interface UpdateStoreRequest {
  name?: string;
  city?: string;
}

export type AdminGuide = Guide;

export interface UpdateGuideRequest {
  name?: string;
  storeId?: string;
}

export interface UpdateLiveRequest {
  title?: string;
  startsAt?: string;
  endsAt?: string;
}

export interface StaffAccount {
  id: string;
  username: string;
  role: StaffRole;
  /** The clerk's store; null for admin and finance. */
  storeId: string | null;
  createdAt: string;
}

/** `storeId` is required for a clerk and refused for the other roles. */
export interface CreateStaffRequest {
  username: string;
  password: string;
  role: StaffRole;
  storeId?: string;
}

export interface PolicyVersion extends Policy {
  createdAt: string;
}

export type AdminCategory = Category;

// ---- orders (admin, finance; a clerk sees its own store's) ----

export interface OrderSearchQuery {
  status?: OrderStatus;
  channel?: OrderChannel;
  storeId?: string;
  guideId?: string;
  memberId?: string;
  receiptNo?: string;
  /** ISO-8601 instants, inclusive, on the order's creation time */
  from?: string;
  to?: string;
  page?: number;
  /** 1–200, default 20 */
  pageSize?: number;
}

export type OrderPage = Page<Order>;

export interface OrderLedgerEntry {
  id: string;
  guideId: string;
  storeId: string | null;
  orderId: string | null;
  orderLineId: string | null;
  kind: 'accrual' | 'reversal' | 'adjustment';
  amountFen: number;
  rateBps: number | null;
  baseFen: number | null;
  availableAt: string;
  settlementId: string | null;
  reason: string | null;
  createdAt: string;
}

export interface OrderLedger {
  orderId: string;
  entries: OrderLedgerEntry[];
  /** Σ amountFen */
  netFen: number;
}

// ---- members (admin) ----

export interface BindingChange {
  id: string;
  kind: 'reassign' | 'handover' | 'override' | 'expiry';
  fromGuideId: string | null;
  fromStoreId: string | null;
  toGuideId: string | null;
  toStoreId: string | null;
  actorId: string | null;
  reason: string;
  createdAt: string;
}

/** `GET /api/admin/members/:id`, and each hit of `GET /api/admin/members?q=` (id, code number or member code). */
export interface AdminMember extends MemberProfile {
  bindingHistory: BindingChange[];
}
