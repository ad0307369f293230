import type { GuideStatus } from './catalog.js';
/**
 * Response shapes of the guide statistics and the guide report (docs/DOMAIN.md "Guides and WeCom": the fixed
 * fields are `shares, visits, visitors, orders, onlineGmvFen, storeGmvFen, commissionFen`; the rest
 * are additions).
 *
 * Definitions (see api/src/reports/reports.service.ts for the why):
 * - a period is a range of business days in BUSINESS_TZ, both ends inclusive;
 * - `shares`: share codes issued; `visits`: touches through the guide's codes; `visitors`: distinct
 *   members among those touches over the whole period (not a sum of daily figures);
 * - `newMembers`: registrations (开卡) whose opening guide is the guide;
 * - a sale is an order whose money came in (paid online / redeemed at a counter) within the period,
 *   placed on the business day of `paidAt`; GMV is net: paidFen − refundedFen, whenever the refund
 *   happened; `orders` and `buyers` leave out sales refunded in full;
 * - `commissionFen`: the net of the guide's ledger entries booked in the period (accruals at
 *   payment/redemption, reversals at refund, adjustments) — the same basis as the commissions API;
 * - ratios are integer basis points, floor(numerator × 10000 / denominator), next to their integer
 *   numerator and denominator; null when the denominator is 0.
 */

export type CreditRule = 'share' | 'live_share' | 'service_guide';

export interface Ratio {
  numerator: number;
  denominator: number;
  /** floor(numerator × 10000 / denominator); null when the denominator is 0 */
  bps: number | null;
}

export interface SalesFigures {
  orders: number;
  onlineOrders: number;
  storeOrders: number;
  /** direct sales: paid in the mini-program (net of refunds) */
  onlineGmvFen: number;
  /** indirect sales: redeemed at a store counter (net of refunds) */
  storeGmvFen: number;
  gmvFen: number;
  /** refunded so far on the period's sales (gross = gmvFen + refundedFen) */
  refundedFen: number;
  gmvFenByRule: Record<CreditRule, number>;
  ordersByRule: Record<CreditRule, number>;
}

export interface Figures extends SalesFigures {
  shares: number;
  visits: number;
  visitors: number;
  newMembers: number;
  buyers: number;
  commissionFen: number;
}

/** Sharer vs server: credit earned through the guide's cards vs as a member's service guide. */
export interface SharerVsServer {
  /** share + live_share */
  shareGmvFen: number;
  serviceGmvFen: number;
  shareOrders: number;
  serviceOrders: number;
  /** shareGmvFen ÷ (shareGmvFen + serviceGmvFen) */
  shareOfCredit: Ratio;
}

/** How much of the revenue the private domain brought: sales credited to a guide ÷ all sales. */
export interface PrivateDomainShare {
  /** credited to a guide, paid online (direct) */
  onlineGmvFen: number;
  /** credited to a guide, redeemed in store (indirect) */
  storeGmvFen: number;
  creditedGmvFen: number;
  /** every sale, credited or not */
  totalGmvFen: number;
  share: Ratio;
}

export interface DayFigures extends Figures {
  date: string;
}

export interface Period {
  from: string;
  to: string;
  timeZone: string;
}

export interface GuideStatsResponse extends Figures, Period {
  guideId: string;
  sharerVsServer: SharerVsServer;
  days: DayFigures[];
}

export interface GuideReportRow extends Figures {
  guideId: string;
  name: string;
  storeId: string;
  status: GuideStatus;
  sharerVsServer: SharerVsServer;
}

export interface StoreReportRow extends Figures {
  storeId: string;
  name: string;
  privateDomain: PrivateDomainShare;
}

export interface BrandDayFigures extends DayFigures {
  privateDomain: PrivateDomainShare;
}

export interface GuideReportResponse extends Period {
  storeId: string | null;
  guides: GuideReportRow[];
  stores: StoreReportRow[];
  brand: Figures & {
    privateDomain: PrivateDomainShare;
    registrations: number;
    unassignedGmvFen: number;
    days: BrandDayFigures[];
  };
}

/** A period's figures before anything is counted (every count and sum 0). */
export function emptyFigures(): Figures {
  return {
    shares: 0,
    visits: 0,
    visitors: 0,
    newMembers: 0,
    buyers: 0,
    orders: 0,
    onlineOrders: 0,
    storeOrders: 0,
    onlineGmvFen: 0,
    storeGmvFen: 0,
    gmvFen: 0,
    refundedFen: 0,
    gmvFenByRule: { share: 0, live_share: 0, service_guide: 0 },
    ordersByRule: { share: 0, live_share: 0, service_guide: 0 },
    commissionFen: 0,
  };
}
