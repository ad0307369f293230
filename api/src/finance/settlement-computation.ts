import { buildStatements, type GuideStatement } from '@guideshare/rules';
import type { SettlementTotalsRow } from '../ledger/ledger.service.js';

/** A guide's statement as the rules compute it, with how many ledger entries it settled. */
export type StatementView = GuideStatement & { entryCount: number };

export interface SettlementTotals {
  totalFen: number;
  entriesFen: number;
  openingFen: number;
  carriedForwardFen: number;
  entryCount: number;
  statementCount: number;
}

export interface ComputedSettlement {
  statements: StatementView[];
  totals: SettlementTotals;
}

/**
 * The settlement of a period from the sums of its entries per (guide, kind) and the guides' opening
 * balances: pure, so the close (which writes it) and the preview (which only shows it) are the same
 * computation. `storeIdByGuide` is each guide's current store, printed on the statement.
 */
export function computeSettlement(
  rows: SettlementTotalsRow[],
  openingFenByGuide: Record<string, number>,
  storeIdByGuide: Record<string, string>,
): ComputedSettlement {
  if (rows.some((r) => r.badSigns > 0)) throw new RangeError('ledger entries break the sign convention');
  const result = buildStatements({
    entries: rows.map((r) => ({
      id: `${r.guideId}:${r.kind}`,
      guideId: r.guideId,
      storeId: r.storeId ?? '',
      amountFen: r.amountFen,
      kind: r.kind,
    })),
    openingFenByGuide,
    storeIdByGuide,
  });
  const entryCount = new Map<string, number>();
  for (const r of rows) entryCount.set(r.guideId, (entryCount.get(r.guideId) ?? 0) + r.entries);
  const statements = result.statements.map((s) => ({
    ...s,
    storeId: s.storeId || null,
    entryCount: entryCount.get(s.guideId) ?? 0,
  }));
  return {
    statements,
    totals: {
      totalFen: result.totalFen,
      entriesFen: result.entriesFen,
      openingFen: Object.values(openingFenByGuide).reduce((a, b) => a + b, 0),
      carriedForwardFen: Object.values(result.carriedForwardFenByGuide).reduce((a, b) => a + b, 0),
      entryCount: rows.reduce((a, r) => a + r.entries, 0),
      statementCount: statements.length,
    },
  };
}

/** The guides a settlement concerns: those with entries and those with an opening balance. */
export function guidesOf(rows: SettlementTotalsRow[], openingFenByGuide: Record<string, number>): Set<string> {
  return new Set([...rows.map((r) => r.guideId), ...Object.keys(openingFenByGuide)]);
}
