// The member's account and privacy (PIPL) data.
import type { AfterSale, DeliveryAddress, Order } from './orders.js';
import type { ShareKind } from './shares.js';

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
