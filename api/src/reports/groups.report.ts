import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { OrderEntity } from '../orders/order.entities.js';
import { VisitEntity } from '../shares/share.entities.js';
import { ratio, type Ratio } from './report.types.js';
import { toInt } from './reports.reader.js';
import { ReportsService, type PeriodQuery } from './reports.service.js';

/** One WeChat group's figures for one guide's cards opened in it. */
export interface GroupRow {
  openGId: string;
  guideId: string;
  /** visits from cards opened in the group during the period */
  visits: number;
  /** distinct members among those visits */
  visitors: number;
  /** distinct members with a group order */
  buyers: number;
  /**
   * Sales paid in the period (not refunded in full) credited to the guide through a share code the
   * buyer opened in this group before ordering.
   */
  orders: number;
  /** their net GMV (paid − refunded) */
  gmvFen: number;
}

export interface GroupReport {
  from: string;
  to: string;
  groups: GroupRow[];
}

export interface RepurchaseCohort {
  /** members with at least one sale (online or in store) paid in the period, not refunded in full */
  buyers: number;
  /** of them, members with two or more such sales */
  repeatBuyers: number;
  orders: number;
  gmvFen: number;
  repurchaseRate: Ratio;
}

export interface GroupRepurchaseReport {
  from: string;
  to: string;
  /** buyers who had opened a card in a WeChat group before the period ended */
  viaGroup: RepurchaseCohort;
  others: RepurchaseCohort;
}

/** Per-member sales of the period, and whether the member ever came through a group. */
export interface BuyerSales {
  orders: number;
  gmvFen: number;
  viaGroup: boolean;
}

/** Splits buyers into the two cohorts (pure). */
export function repurchaseCohorts(buyers: BuyerSales[]): { viaGroup: RepurchaseCohort; others: RepurchaseCohort } {
  const cohort = (rows: BuyerSales[]): RepurchaseCohort => {
    const repeatBuyers = rows.filter((r) => r.orders >= 2).length;
    return {
      buyers: rows.length,
      repeatBuyers,
      orders: rows.reduce((n, r) => n + r.orders, 0),
      gmvFen: rows.reduce((n, r) => n + r.gmvFen, 0),
      repurchaseRate: ratio(repeatBuyers, rows.length),
    };
  };
  return { viaGroup: cohort(buyers.filter((b) => b.viaGroup)), others: cohort(buyers.filter((b) => !b.viaGroup)) };
}

/**
 * Group attribution (社群): what cards opened in WeChat groups brought, per group and guide, and how
 * members who came through a group repurchase compared with the rest. Read-only SQL over visits
 * (`idx_visits_group_time`, `idx_visits_member_time`) and orders (`idx_orders_guide_paid`).
 */
@Injectable()
export class GroupReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async groups(query: PeriodQuery & { guideId?: string }): Promise<GroupReport> {
    const { from, to, days } = this.reports.period(query);
    const params = { r0: days[0]!.start, r1: days[days.length - 1]!.end, guideId: query.guideId ?? null };
    const byGuide = (col: string) => (query.guideId ? `AND ${col} = :guideId` : '');
    const visits = await this.run(
      `SELECT v.openGId AS g, v.guideId AS guideId, COUNT(*) AS visits, COUNT(DISTINCT v.memberId) AS visitors
       FROM ${this.table(VisitEntity)} v
       WHERE v.openGId IS NOT NULL AND v.visitedAt >= :r0 AND v.visitedAt < :r1 ${byGuide('v.guideId')}
       GROUP BY v.openGId, v.guideId`,
      params,
    );
    // An order belongs to a group when its buyer opened the order's share code in that group first.
    const sales = await this.run(
      `SELECT gv.openGId AS g, o.attrGuideId AS guideId, COUNT(*) AS orders, COUNT(DISTINCT o.memberId) AS buyers,
              SUM(o.paidFen - o.refundedFen) AS gmvFen
       FROM ${this.table(OrderEntity)} o
       JOIN (SELECT v.memberId, v.shareCode, v.openGId, MIN(v.visitedAt) AS firstAt
             FROM ${this.table(VisitEntity)} v
             WHERE v.openGId IS NOT NULL AND v.visitedAt < :r1 ${byGuide('v.guideId')}
             GROUP BY v.memberId, v.shareCode, v.openGId) gv
         ON gv.memberId = o.memberId AND gv.shareCode = o.attrShareCode AND gv.firstAt <= o.createdAt
       WHERE o.paidAt >= :r0 AND o.paidAt < :r1 AND o.paidFen > o.refundedFen ${byGuide('o.attrGuideId')}
       GROUP BY gv.openGId, o.attrGuideId`,
      params,
    );
    const rows = new Map<string, GroupRow>();
    const at = (r: Record<string, unknown>) => {
      const key = `${String(r.g)}|${String(r.guideId)}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          openGId: String(r.g),
          guideId: String(r.guideId),
          visits: 0,
          visitors: 0,
          buyers: 0,
          orders: 0,
          gmvFen: 0,
        };
        rows.set(key, row);
      }
      return row;
    };
    for (const r of visits) Object.assign(at(r), { visits: toInt(r.visits), visitors: toInt(r.visitors) });
    for (const r of sales)
      Object.assign(at(r), { orders: toInt(r.orders), buyers: toInt(r.buyers), gmvFen: toInt(r.gmvFen) });
    const groups = [...rows.values()].sort(
      (a, b) => b.gmvFen - a.gmvFen || b.visits - a.visits || a.openGId.localeCompare(b.openGId),
    );
    return { from, to, groups };
  }

  async repurchase(query: PeriodQuery): Promise<GroupRepurchaseReport> {
    const { from, to, days } = this.reports.period(query);
    const params = { r0: days[0]!.start, r1: days[days.length - 1]!.end };
    const rows = await this.run(
      `SELECT o.memberId AS memberId, COUNT(*) AS orders, SUM(o.paidFen - o.refundedFen) AS gmvFen,
              CASE WHEN EXISTS (SELECT 1 FROM ${this.table(VisitEntity)} v
                                WHERE v.memberId = o.memberId AND v.openGId IS NOT NULL AND v.visitedAt < :r1)
                   THEN 1 ELSE 0 END AS viaGroup
       FROM ${this.table(OrderEntity)} o
       WHERE o.paidAt >= :r0 AND o.paidAt < :r1 AND o.paidFen > o.refundedFen AND o.memberId IS NOT NULL
       GROUP BY o.memberId`,
      params,
    );
    const cohorts = repurchaseCohorts(
      rows.map((r) => ({ orders: toInt(r.orders), gmvFen: toInt(r.gmvFen), viaGroup: toInt(r.viaGroup) === 1 })),
    );
    return { from, to, ...cohorts };
  }

  private async run(sql: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(query, values);
  }

  private table(entity: EntityTarget<ObjectLiteral>): string {
    return `\`${this.dataSource.getMetadata(entity).tableName}\``;
  }
}
