// The report shapes are the contract's (packages/contracts/src/reports.ts); the helpers that build them.
import type { CreditRule, Figures, Ratio, SharerVsServer } from '@guideshare/contracts';

export type {
  BrandDayFigures,
  CreditRule,
  DayFigures,
  Figures,
  GuideReportResponse,
  GuideReportRow,
  GuideStatsResponse,
  Period,
  PrivateDomainShare,
  Ratio,
  SalesFigures,
  SharerVsServer,
  StoreReportRow,
} from '@guideshare/contracts';

export const CREDIT_RULES: readonly CreditRule[] = ['share', 'live_share', 'service_guide'];

export function ratio(numerator: number, denominator: number): Ratio {
  return {
    numerator,
    denominator,
    bps: denominator === 0 ? null : Number((BigInt(numerator) * 10_000n) / BigInt(denominator)),
  };
}

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

export function sharerVsServer(f: Figures): SharerVsServer {
  const shareGmvFen = f.gmvFenByRule.share + f.gmvFenByRule.live_share;
  const serviceGmvFen = f.gmvFenByRule.service_guide;
  return {
    shareGmvFen,
    serviceGmvFen,
    shareOrders: f.ordersByRule.share + f.ordersByRule.live_share,
    serviceOrders: f.ordersByRule.service_guide,
    shareOfCredit: ratio(shareGmvFen, shareGmvFen + serviceGmvFen),
  };
}
