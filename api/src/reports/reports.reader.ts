import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { MemberRegistrationEntity } from '../identity/registration.entity.js';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity.js';
import { OrderEntity } from '../orders/order.entities.js';
import { ShareEntity, VisitEntity } from '../shares/share.entities.js';
import type { BusinessDay } from '../common/business-time.js';

/** Whose activity a query counts and over which business days. */
export interface Scope {
  days: BusinessDay[];
  /** guides whose shares, touches, sales and commissions count (an IN list on a guide-led index) */
  guideIds: string[];
  /** brand-wide: also sales credited to no guide (private-domain denominators) and registrations without an opening guide */
  brandWide: boolean;
}

export type Dim = 'guide' | 'store' | 'day';

export interface CountRow {
  guideId: string | null;
  storeId: string | null;
  day: number;
  n: number;
}

export interface SalesRow {
  guideId: string | null;
  storeId: string | null;
  channel: string;
  rule: string;
  day: number;
  /** sales not refunded in full */
  orders: number;
  paidFen: number;
  refundedFen: number;
}

export interface DistinctRow {
  guideId?: string | null;
  storeId?: string | null;
  day?: number;
  n: number;
}

/** mysql2 answers BIGINT, SUM and COUNT as strings; sql.js as numbers. */
export function toInt(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${String(value)}`);
  return n;
}

/**
 * The read model behind the reports: aggregate SQL over other modules' tables, read-only (like a
 * replica reader), each query an index range bounded by the period, so its cost follows the
 * activity inside the period, not the size of the table (checked with EXPLAIN on 200k visits and
 * 100k orders: every visits/orders/ledger/registrations query is `range` on the index named here):
 * - visits: `(guideId, visitedAt)`; ledger: `(guideId, createdAt)`;
 * - orders: `(attrGuideId, paidAt)` (plus `attrGuideId IS NULL` brand-wide), `(memberId, createdAt)`;
 * - registrations: own table, `(openingGuideId, registeredAt)` and `(registeredAt)`;
 * - shares: `(guideId, createdAt)`;
 * Day buckets are computed in SQL from the business-day boundaries (a CASE tree over bound
 * parameters), so the same SQL runs on MariaDB and on the sql.js demo and honours any time zone.
 */
@Injectable()
export class ReportsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async shares(scope: Scope): Promise<CountRow[]> {
    return this.counts(scope, ShareEntity, { guide: 'guideId', store: 'storeId', at: 'createdAt' });
  }

  async visits(scope: Scope): Promise<CountRow[]> {
    return this.counts(scope, VisitEntity, { guide: 'guideId', store: 'storeId', at: 'visitedAt' });
  }

  /** Distinct members touched, grouped by `dims` (none: over the whole scope). */
  async visitors(scope: Scope, dims: Dim[]): Promise<DistinctRow[]> {
    const q = this.sql(scope);
    const cols = { guide: 'v.guideId', store: 'v.storeId', day: q.day('v.visitedAt') };
    return this.distinct(
      q,
      dims,
      cols,
      'v.memberId',
      `${this.table(VisitEntity)} v`,
      `${q.guides('v.guideId')} AND v.visitedAt >= :r0 AND v.visitedAt < :r1`,
    );
  }

  /** Registrations (开卡) by opening guide and the store that guide was in. */
  async registrations(scope: Scope): Promise<CountRow[]> {
    // Brand-wide: every registration of the period (the registeredAt index); else the guides' own.
    const columns = { guide: 'openingGuideId', store: 'openingStoreId', at: 'registeredAt' };
    return this.counts(scope, MemberRegistrationEntity, columns, scope.brandWide);
  }

  /**
   * The period's rows of a table per guide, store and business day, `columns` naming the table's
   * guide, store and time columns: the scope's guides' rows, or with `everyGuide` all of them.
   */
  private async counts(
    scope: Scope,
    entity: EntityTarget<ObjectLiteral>,
    columns: { guide: string; store: string; at: string },
    everyGuide = false,
  ): Promise<CountRow[]> {
    const q = this.sql(scope);
    const [guide, store, at] = [`t.${columns.guide}`, `t.${columns.store}`, `t.${columns.at}`];
    const rows = await q.run(
      `SELECT ${guide} AS guideId, ${store} AS storeId, ${q.day(at)} AS d, COUNT(*) AS n
       FROM ${this.table(entity)} t
       WHERE ${everyGuide ? '1=1' : q.guides(guide)} AND ${at} >= :r0 AND ${at} < :r1
       GROUP BY ${guide}, ${store}, d`,
    );
    return rows.map(countRow);
  }

  /** Sales of the period by credited guide, credited store, channel, rule and day. */
  async sales(scope: Scope): Promise<SalesRow[]> {
    const q = this.sql(scope);
    const rows = await q.run(
      `SELECT o.attrGuideId AS guideId, o.attrStoreId AS storeId, o.channel AS channel, o.attrRule AS rule, ${q.day('o.paidAt')} AS d,
              SUM(CASE WHEN o.refundedFen < o.paidFen THEN 1 ELSE 0 END) AS orders,
              SUM(o.paidFen) AS paidFen, SUM(o.refundedFen) AS refundedFen
       FROM ${this.table(OrderEntity)} o
       WHERE ${this.salesWhere(q, scope.brandWide)}
       GROUP BY o.attrGuideId, o.attrStoreId, o.channel, o.attrRule, d`,
    );
    return rows.map((r) => ({
      guideId: (r.guideId as string | null) ?? null,
      storeId: (r.storeId as string | null) ?? null,
      channel: String(r.channel),
      rule: String(r.rule),
      day: toInt(r.d),
      orders: toInt(r.orders),
      paidFen: toInt(r.paidFen),
      refundedFen: toInt(r.refundedFen),
    }));
  }

  /** Distinct buyers among the guides' sales not refunded in full. */
  async buyers(scope: Scope, dims: Dim[]): Promise<DistinctRow[]> {
    const q = this.sql(scope);
    const cols = { guide: 'o.attrGuideId', store: 'o.attrStoreId', day: q.day('o.paidAt') };
    return this.distinct(
      q,
      dims,
      cols,
      'o.memberId',
      `${this.table(OrderEntity)} o`,
      `${this.salesWhere(q, false)} AND o.refundedFen < o.paidFen`,
    );
  }

  async commissions(scope: Scope): Promise<Array<CountRow>> {
    const q = this.sql(scope);
    const rows = await q.run(
      `SELECT l.guideId AS guideId, l.storeId AS storeId, ${q.day('l.createdAt')} AS d, SUM(l.amountFen) AS n
       FROM ${this.table(LedgerEntryEntity)} l
       WHERE ${q.guides('l.guideId')} AND l.createdAt >= :r0 AND l.createdAt < :r1
       GROUP BY l.guideId, l.storeId, d`,
    );
    return rows.map(countRow);
  }

  /** A member's sales over all time (the `(memberId, createdAt)` index): count and net GMV. */
  async memberSales(memberId: string): Promise<{ orders: number; gmvFen: number }> {
    const [query, params] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT COUNT(*) AS orders, SUM(o.paidFen - o.refundedFen) AS gmvFen
       FROM ${this.table(OrderEntity)} o
       WHERE o.memberId = :memberId AND o.paidAt IS NOT NULL AND o.paidFen > 0`,
      { memberId },
    );
    const [row] = (await this.dataSource.query(query, params)) as Array<Record<string, unknown>>;
    return { orders: toInt(row?.orders), gmvFen: toInt(row?.gmvFen) };
  }

  private salesWhere(q: SqlBuilder, includeUncredited: boolean): string {
    const who = includeUncredited
      ? `(${q.guides('o.attrGuideId')} OR o.attrGuideId IS NULL)`
      : q.guides('o.attrGuideId');
    // A range on `idx_orders_guide_paid` (attrGuideId, paidAt).
    return `${who} AND o.paidAt >= :r0 AND o.paidAt < :r1 AND o.paidFen > 0`;
  }

  private async distinct(
    q: SqlBuilder,
    dims: Dim[],
    cols: Record<Dim, string>,
    member: string,
    from: string,
    where: string,
  ): Promise<DistinctRow[]> {
    const alias = { guide: 'guideId', store: 'storeId', day: 'd' } as const;
    const select = dims.map((d) => `${cols[d]} AS ${alias[d]}`);
    const rows = await q.run(
      `SELECT ${[...select, `COUNT(DISTINCT ${member}) AS n`].join(', ')}
       FROM ${from} WHERE ${where}
       ${dims.length ? `GROUP BY ${dims.map((d) => (d === 'day' ? 'd' : cols[d])).join(', ')}` : ''}`,
    );
    return rows.map((r) => ({
      ...(dims.includes('guide') ? { guideId: (r.guideId as string | null) ?? null } : {}),
      ...(dims.includes('store') ? { storeId: (r.storeId as string | null) ?? null } : {}),
      ...(dims.includes('day') ? { day: toInt(r.d) } : {}),
      n: toInt(r.n),
    }));
  }

  private table(entity: EntityTarget<ObjectLiteral>): string {
    return `\`${this.dataSource.getMetadata(entity).tableName}\``;
  }

  private sql(scope: Scope): SqlBuilder {
    return new SqlBuilder(this.dataSource, scope);
  }
}

/** Named parameters for one query: the period bounds, the guide list and the day-boundary tree. */
class SqlBuilder {
  private readonly params: Record<string, unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: Scope,
  ) {
    const r0 = scope.days[0]!.start;
    const r1 = scope.days[scope.days.length - 1]!.end;
    this.params = {
      r0,
      r1,
      guideIds: scope.guideIds,
    };
    scope.days.forEach((d, i) => (this.params[`b${i}`] = d.start));
  }

  /** `col IN (guides)`, or a false predicate for an empty list (an empty IN is not SQL). */
  guides(col: string): string {
    return this.scope.guideIds.length ? `${col} IN (:...guideIds)` : '1=0';
  }

  /** The 0-based index of the business day `col` falls on (rows are already within the period). */
  day(col: string): string {
    const tree = (lo: number, hi: number): string => {
      if (lo === hi) return String(lo);
      const mid = (lo + hi + 1) >> 1;
      return `CASE WHEN ${col} < :b${mid} THEN ${tree(lo, mid - 1)} ELSE ${tree(mid, hi)} END`;
    };
    return tree(0, this.scope.days.length - 1);
  }

  async run(sql: string): Promise<Array<Record<string, unknown>>> {
    const [query, params] = this.dataSource.driver.escapeQueryWithParameters(sql, this.params);
    return this.dataSource.query(query, params);
  }
}

function countRow(r: Record<string, unknown>): CountRow {
  return {
    guideId: (r.guideId as string | null) ?? null,
    storeId: (r.storeId as string | null) ?? null,
    day: toInt(r.d),
    n: toInt(r.n),
  };
}
