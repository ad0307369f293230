import {
  CREDIT_RULES,
  emptyFigures,
  ratio,
  type CreditRule,
  type Figures,
  type PrivateDomainShare,
} from './report.types.js';
import type { CountRow, DistinctRow, SalesRow } from './reports.reader.js';

type CountField = 'shares' | 'visits' | 'newMembers' | 'commissionFen';
type Keys<R> = (row: R) => Array<string | null>;

interface DomainTally {
  onlineGmvFen: number;
  storeGmvFen: number;
  totalGmvFen: number;
}

/** Figures per key ('all', 'd:<day>', 'g:<guide>', 's:<store>'), filled from the reader's rows. */
export class Tally {
  private readonly figures = new Map<string, Figures>();
  private readonly domain = new Map<string, DomainTally>();

  at(key: string): Figures {
    let f = this.figures.get(key);
    if (!f) this.figures.set(key, (f = emptyFigures()));
    return f;
  }

  counts(rows: CountRow[], field: CountField, keys: Keys<CountRow>) {
    for (const row of rows) for (const key of keys(row)) if (key) this.at(key)[field] += row.n;
  }

  distinct(rows: DistinctRow[], field: 'visitors' | 'buyers', key: (row: DistinctRow) => string | null) {
    for (const row of rows) {
      const k = key(row);
      if (k) this.at(k)[field] = row.n;
    }
  }

  /** Guide-credited sales into the figures; every sale into the private-domain denominators. */
  sales(rows: SalesRow[], keys: Keys<SalesRow>, domainKeys: Keys<SalesRow>) {
    for (const row of rows) {
      const netFen = row.paidFen - row.refundedFen;
      const online = row.channel === 'online';
      for (const key of domainKeys(row)) {
        if (!key) continue;
        const d = this.domainAt(key);
        d.totalGmvFen += netFen;
        if (row.guideId) {
          if (online) d.onlineGmvFen += netFen;
          else d.storeGmvFen += netFen;
        }
      }
      if (!row.guideId) continue;
      for (const key of keys(row)) {
        if (!key) continue;
        const f = this.at(key);
        f.orders += row.orders;
        f.gmvFen += netFen;
        f.refundedFen += row.refundedFen;
        if (online) {
          f.onlineOrders += row.orders;
          f.onlineGmvFen += netFen;
        } else {
          f.storeOrders += row.orders;
          f.storeGmvFen += netFen;
        }
        if ((CREDIT_RULES as readonly string[]).includes(row.rule)) {
          f.gmvFenByRule[row.rule as CreditRule] += netFen;
          f.ordersByRule[row.rule as CreditRule] += row.orders;
        }
      }
    }
  }

  privateDomain(key: string): PrivateDomainShare {
    const d = this.domain.get(key) ?? { onlineGmvFen: 0, storeGmvFen: 0, totalGmvFen: 0 };
    const creditedGmvFen = d.onlineGmvFen + d.storeGmvFen;
    return {
      onlineGmvFen: d.onlineGmvFen,
      storeGmvFen: d.storeGmvFen,
      creditedGmvFen,
      totalGmvFen: d.totalGmvFen,
      share: ratio(creditedGmvFen, d.totalGmvFen),
    };
  }

  private domainAt(key: string): DomainTally {
    let d = this.domain.get(key);
    if (!d) this.domain.set(key, (d = { onlineGmvFen: 0, storeGmvFen: 0, totalGmvFen: 0 }));
    return d;
  }
}

export const dayKey = (row: { day?: number }) => `d:${row.day}`;
export const guideKey = (row: { guideId?: string | null }) => (row.guideId ? `g:${row.guideId}` : null);
export const storeKey = (row: { storeId?: string | null }) => (row.storeId ? `s:${row.storeId}` : null);
