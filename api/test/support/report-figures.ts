import type { CreditRule, Figures } from '@guideshare/contracts';

/** Expected report figures, written as table rows, and the hand computation behind them. */

const COUNTS = [
  ...['shares', 'visits', 'visitors', 'newMembers', 'buyers', 'orders', 'onlineOrders', 'storeOrders'],
  ...['onlineGmvFen', 'storeGmvFen', 'gmvFen', 'refundedFen', 'commissionFen'],
] as const;
const RULES: CreditRule[] = ['share', 'live_share', 'service_guide'];
type Count = (typeof COUNTS)[number];
type PerRule = [number, number, number];

const byRule = (values: PerRule = [0, 0, 0]) =>
  Object.fromEntries(RULES.map((r, i) => [r, values[i]])) as Record<CreditRule, number>;

/** Figures that are zero but for `f`. */
export function figs(f: Partial<Record<Count, number>> = {}): Figures {
  const counts = Object.fromEntries(COUNTS.map((k) => [k, f[k] ?? 0])) as Record<Count, number>;
  return { ...counts, gmvFenByRule: byRule(), ordersByRule: byRule() };
}

/**
 * One row of the table: the counts in COUNTS order (shares, visits, visitors, newMembers, buyers, orders,
 * onlineOrders, storeOrders, onlineGmvFen, storeGmvFen, gmvFen, refundedFen, commissionFen), then GMV and
 * orders per credit rule (share, live_share, service_guide).
 */
export function row(counts: number[], gmvFenByRule: PerRule, ordersByRule: PerRule): Figures {
  if (counts.length !== COUNTS.length) throw new Error(`a row has ${COUNTS.length} counts`);
  return {
    ...figs(Object.fromEntries(COUNTS.map((k, i) => [k, counts[i]]))),
    gmvFenByRule: byRule(gmvFenByRule),
    ordersByRule: byRule(ordersByRule),
  };
}

/** The figures of a report row (a guide, a store, the brand, a day), without its other fields. */
export const pick = (r: Record<string, unknown>): Figures =>
  Object.fromEntries(Object.keys(figs()).map((k) => [k, r[k]])) as unknown as Figures;

export const ratio = (numerator: number, denominator: number, bps: number | null) => ({ numerator, denominator, bps });

/** Private-domain share of revenue: what guides are credited with, out of all sales. */
export const privateDomain = (onlineGmvFen: number, storeGmvFen: number, totalGmvFen: number, bps: number) => ({
  onlineGmvFen,
  storeGmvFen,
  creditedGmvFen: onlineGmvFen + storeGmvFen,
  totalGmvFen,
  share: ratio(onlineGmvFen + storeGmvFen, totalGmvFen, bps),
});

/** Credit through the guide's own cards vs as members' service guide. */
export const sharerVsServer = (shareGmvFen: number, serviceGmvFen: number, orders: [number, number], bps: number) => ({
  shareGmvFen,
  serviceGmvFen,
  shareOrders: orders[0],
  serviceOrders: orders[1],
  shareOfCredit: ratio(shareGmvFen, shareGmvFen + serviceGmvFen, bps),
});

/*
 * Hand computation (fen; commission = floor(amount × rate / 10000); refund reversal = commission before − after):
 *
 * sale | buyer | channel      | rule          | guide | credited store | paid  | refunded | net   | day   | ledger (day)
 * O1   | m1    | online       | share         | g0    | S0             | 10000 |        0 | 10000 | 1 Mar | +800 (1 Mar)
 * O2   | m2    | online       | share         | g0    | S0             |  9999 |     3333 |  6666 | 2 Mar | +499 (2 Mar), −(499−333)=−166 (2 Mar)
 * O3   | m3    | online       | live_share    | g2    | S1             | 20000 |        0 | 20000 | 2 Mar | +1600 (2 Mar)
 * R1   | m4    | store @S1    | share         | g0    | S0             |  5000 |        0 |  5000 | 2 Mar | +150 (default 300 bps) (2 Mar)
 * O5   | m5    | online       | service_guide | g1    | S0             | 10000 |        0 | 10000 | 1 Mar | +100 (service 100 bps) (1 Mar)
 * R2   | m5    | store @S0    | service_guide | g1    | S0             |  4000 |     4000 |     0 | 1 Mar | +40 (1 Mar), −40 (2 Mar)
 * O6   | m6    | online       | none          | —     | —              |  3333 |        0 |  3333 | 2 Mar | —
 * R3   | m7    | store @S0    | store         | —     | S0             |  2000 |        0 |  2000 | 2 Mar | —
 * O8   | m1    | online       | share         | g0    | S0             | 10000 |        0 |     — | 3 Mar 00:00 (outside) | +800 (outside)
 * (m1's unpaid order: not a sale.)  R2, refunded in full, is in GMV/refunds but not in orders or buyers.
 *
 * shares in the period: g0 A (1 Mar), B (2 Mar) [C is 28 Feb 23:59:59.999]; g1 E (1 Mar 00:00:00.000); g2 F (2 Mar).
 * visits: g0 — m1 ×2, m4 (1 Mar), m2 (2 Mar); g1 — m2 (1 Mar) [m5's is in Feb]; g2 — m3 (2 Mar) [m3's C visit is 28 Feb].
 * registrations: m1 (1 Mar, opening g0), m2 (2 Mar, opening g1: first guide met), m6 (2 Mar, no guide); m5's is 28 Feb.
 */
//          shares visits visitors new buyers orders online store | onlineGmv storeGmv gmv refunded commission
export const expected = {
  g0: row([2, 4, 3, 1, 3, 3, 2, 1, 16666, 5000, 21666, 3333, 1283], [21666, 0, 0], [3, 0, 0]),
  g1: row([1, 1, 1, 1, 1, 1, 1, 0, 10000, 0, 10000, 4000, 100], [0, 0, 10000], [0, 0, 1]),
  g2: row([1, 1, 1, 0, 1, 1, 1, 0, 20000, 0, 20000, 0, 1600], [0, 20000, 0], [0, 1, 0]),
  S0: row([3, 5, 3, 2, 4, 4, 3, 1, 26666, 5000, 31666, 7333, 1383], [21666, 0, 10000], [3, 0, 1]),
  brand: row([4, 6, 4, 2, 5, 5, 4, 1, 46666, 5000, 51666, 7333, 2983], [21666, 20000, 10000], [3, 1, 1]),
  day1: row([2, 4, 3, 1, 2, 2, 2, 0, 20000, 0, 20000, 4000, 940], [10000, 0, 10000], [1, 0, 1]),
  day2: row([2, 2, 2, 1, 3, 3, 2, 1, 26666, 5000, 31666, 3333, 2043], [11666, 20000, 0], [2, 1, 0]),
  /** Guide 0, day by day. */
  g0day1: row([1, 3, 2, 1, 1, 1, 1, 0, 10000, 0, 10000, 0, 800], [10000, 0, 0], [1, 0, 0]),
  g0day2: row([1, 1, 1, 0, 2, 2, 1, 1, 6666, 5000, 11666, 3333, 483], [11666, 0, 0], [2, 0, 0]),
  /** 3 March: O8 only, paid at 00:00:00.000 exactly. */
  mar3: row([0, 0, 0, 0, 1, 1, 1, 0, 10000, 0, 10000, 0, 800], [10000, 0, 0], [1, 0, 0]),
};
