// The member's account and privacy (PIPL) data.
import type { AfterSale } from './after-sales.js';
import type { DeliveryAddress, Order } from './orders.js';
import type { GuideStatus, Store } from './catalog.js';
import type { ShareKind } from './shares.js';

/** The member's account and binding as ids: opening guide (开卡), service guide and store. */
export interface MemberAccount {
  id: string;
  openid: string;
  /** set once the member registered (开卡) */
  registeredAt: string | null;
  openingGuideId: string | null;
  serviceGuideId: string | null;
  serviceStoreId: string | null;
  boundAt: string | null;
  createdAt: string;
}

export interface MemberAddress extends DeliveryAddress {
  updatedAt: string;
}
/**
 * `GET /api/members/me/data`: what the brand holds about the member (PIPL access right); the member's
 * part is their profile (as `GET /api/members/me`, with the service guide's name) plus unionid and phone.
 */
export interface MemberDataExport {
  member: MemberProfile & { unionid: string | null; phone: string | null };
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

/** What a member may know of their guide (not, e.g., the guide's WeCom account). */
export interface MemberGuideSummary {
  id: string;
  name: string;
  storeId: string;
  status: GuideStatus;
}

/** `GET /api/members/me`: the member's account and binding (opening guide, service guide and store). */
export interface MemberProfile extends MemberAccount {
  serviceGuide: MemberGuideSummary | null;
  serviceStore: Store | null;
}

/** `GET /api/members/me/code`: a short-lived code to show at a store counter. */
export interface MemberCode {
  code: string;
  expiresAt: string;
}

/** `POST /api/members/register` (开卡): 201 registered now, 200 already registered. */
export type RegisteredMember = Omit<MemberAccount, 'boundAt' | 'createdAt'> & { phone: string | null };
