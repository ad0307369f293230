// The report shapes are the contract's (packages/contracts/src/reports.ts); the helpers that build them.
import type { CreditRule, Figures, Ratio, SharerVsServer } from '@guideshare/contracts';

export { emptyFigures } from '@guideshare/contracts';

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
