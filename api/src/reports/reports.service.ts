import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { formatFen } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { excelCell } from '../common/excel.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { GuidesService } from '../guides/guides.service.js';
import { StoresService } from '../stores/stores.service.js';
import { addDays, businessDate, businessDays, isBusinessDate, type BusinessDay } from '../common/business-time.js';
import { sharerVsServer, type GuideReportResponse, type GuideStatsResponse } from './report.types.js';
import { dayKey, guideKey, storeKey, Tally } from './report-tally.js';
import { ReportsReader, type Scope } from './reports.reader.js';

/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;

export interface PeriodQuery {
  from?: string;
  to?: string;
}

/**
 * Guide statistics and the guide report.
 *
 * Indexed range queries, not rollups (see ReportsReader): every figure is read from the system of
 * record at request time through an index range bounded by the period, so it is exact and current.
 * Rollups were rejected because (1) refunds change `orders.refundedFen` in place on old sales with no
 * change log a rollup could follow (reversal entries exist only for commissionable orders), so a
 * daily rollup would either go stale or need hooks in modules this one does not own; (2) distinct
 * visitors and buyers over an arbitrary period are not sums of daily figures; (3) the cost of a
 * range query grows with the activity inside the period, not with the table, which is what keeps the
 * reports fast as history accumulates. If one brand's period volume ever outgrows this, the same SQL
 * can fill a per-day table for closed days without changing the answers.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reader: ReportsReader,
    private readonly guides: GuidesService,
    private readonly stores: StoresService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The business days of a query: `from`/`to` are business dates (YYYY-MM-DD), both inclusive;
   * `to` defaults to today, `from` to the first day of `to`'s month.
   */
  period(query: PeriodQuery, now = new Date()): { from: string; to: string; days: BusinessDay[] } {
    const tz = this.config.businessTz;
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !isBusinessDate(value)) {
        throw AppError.badRequest('VALIDATION_FAILED', 'The query is not valid', [
          { field, message: `${field} must be a date YYYY-MM-DD` },
        ]);
      }
    }
    const today = businessDate(now, tz);
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    const from = query.from ?? `${to.slice(0, 8)}01`;
    if (from > to) throw AppError.badRequest('PERIOD_INVALID', `from (${from}) is after to (${to})`);
    if (addDays(from, MAX_PERIOD_DAYS - 1) < to)
      throw AppError.badRequest('PERIOD_INVALID', `A period covers at most ${MAX_PERIOD_DAYS} days`);
    return { from, to, days: businessDays(from, to, tz) };
  }

  /** GET /api/guides/me/stats: the guide's own figures for the period, and day by day. */
  async guideStats(guideId: string, query: PeriodQuery): Promise<GuideStatsResponse> {
    const { from, to, days } = this.period(query);
    const scope: Scope = { days, guideIds: [guideId], brandWide: false };
    const r = this.reader;
    const [shares, visits, visitors, visitorsByDay, registrations, sales, buyers, buyersByDay, commissions] =
      await Promise.all([
        r.shares(scope),
        r.visits(scope),
        r.visitors(scope, []),
        r.visitors(scope, ['day']),
        r.registrations(scope),
        r.sales(scope),
        r.buyers(scope, []),
        r.buyers(scope, ['day']),
        r.commissions(scope),
      ]);
    const t = new Tally();
    const keys = (row: { day?: number }) => ['all', dayKey(row)];
    t.counts(shares, 'shares', keys);
    t.counts(visits, 'visits', keys);
    t.counts(registrations, 'newMembers', keys);
    t.counts(commissions, 'commissionFen', keys);
    t.sales(sales, keys, () => []);
    t.distinct(visitors, 'visitors', () => 'all');
    t.distinct(visitorsByDay, 'visitors', dayKey);
    t.distinct(buyers, 'buyers', () => 'all');
    t.distinct(buyersByDay, 'buyers', dayKey);
    const all = t.at('all');
    return {
      guideId,
      from,
      to,
      timeZone: this.config.businessTz,
      ...all,
      sharerVsServer: sharerVsServer(all),
      days: days.map((d, i) => ({ date: d.date, ...t.at(`d:${i}`) })),
    };
  }

  /**
   * GET /api/reports/guides: per guide (the store's current guides when `storeId` is given), per
   * store and brand-wide. Store figures follow the store recorded on each event (the share's store
   * at issue, the credited store of a sale, the ledger entry's store, the opening guide's store at
   * registration), so history is not rewritten when a guide moves; brand figures are always brand-wide.
   */
  async guideReport(query: PeriodQuery & { storeId?: string }): Promise<GuideReportResponse> {
    const { from, to, days } = this.period(query);
    if (query.storeId) await this.stores.require(query.storeId);
    const [allGuides, allStores] = await Promise.all([this.guides.list(), this.stores.list()]);
    const scope: Scope = { days, guideIds: allGuides.map((g) => g.id), brandWide: true };
    const r = this.reader;
    const [
      shares,
      visits,
      registrations,
      sales,
      commissions,
      visitorsByGuide,
      visitorsByStore,
      visitorsAll,
      visitorsByDay,
      buyersByGuide,
      buyersByStore,
      buyersAll,
      buyersByDay,
    ] = await Promise.all([
      r.shares(scope),
      r.visits(scope),
      r.registrations(scope),
      r.sales(scope),
      r.commissions(scope),
      r.visitors(scope, ['guide']),
      r.visitors(scope, ['store']),
      r.visitors(scope, []),
      r.visitors(scope, ['day']),
      r.buyers(scope, ['guide']),
      r.buyers(scope, ['store']),
      r.buyers(scope, []),
      r.buyers(scope, ['day']),
    ]);
    const t = new Tally();
    const keys = (row: { guideId?: string | null; storeId?: string | null; day?: number }) => [
      guideKey(row),
      storeKey(row),
      'all',
      dayKey(row),
    ];
    t.counts(shares, 'shares', keys);
    t.counts(visits, 'visits', keys);
    t.counts(
      registrations.filter((row) => row.guideId),
      'newMembers',
      keys,
    );
    t.counts(commissions, 'commissionFen', keys);
    t.sales(sales, keys, (row) => [storeKey(row), 'all', dayKey(row)]);
    t.distinct(visitorsByGuide, 'visitors', guideKey);
    t.distinct(visitorsByStore, 'visitors', storeKey);
    t.distinct(visitorsAll, 'visitors', () => 'all');
    t.distinct(visitorsByDay, 'visitors', dayKey);
    t.distinct(buyersByGuide, 'buyers', guideKey);
    t.distinct(buyersByStore, 'buyers', storeKey);
    t.distinct(buyersAll, 'buyers', () => 'all');
    t.distinct(buyersByDay, 'buyers', dayKey);

    const brandDomain = t.privateDomain('all');
    return {
      from,
      to,
      timeZone: this.config.businessTz,
      storeId: query.storeId ?? null,
      guides: allGuides
        .filter((g) => !query.storeId || g.storeId === query.storeId)
        .map((g) => {
          const f = t.at(`g:${g.id}`);
          return {
            guideId: g.id,
            name: g.name,
            storeId: g.storeId,
            status: g.status,
            ...f,
            sharerVsServer: sharerVsServer(f),
          };
        }),
      stores: allStores
        .filter((s) => !query.storeId || s.id === query.storeId)
        .map((s) => ({
          storeId: s.id,
          name: s.name,
          ...t.at(`s:${s.id}`),
          privateDomain: t.privateDomain(`s:${s.id}`),
        })),
      brand: {
        ...t.at('all'),
        registrations: registrations.reduce((sum, row) => sum + row.n, 0),
        privateDomain: brandDomain,
        // Sales credited to no store either (rule `none`): in the brand denominator only.
        unassignedGmvFen:
          brandDomain.totalGmvFen -
          sales.filter((row) => row.storeId).reduce((sum, row) => sum + row.paidFen - row.refundedFen, 0),
        days: days.map((d, i) => ({ date: d.date, ...t.at(`d:${i}`), privateDomain: t.privateDomain(`d:${i}`) })),
      },
    };
  }

  /** The guide rows of the report as CSV for Excel: UTF-8 with BOM, Chinese headers, yuan amounts. */
  async guideReportCsv(query: PeriodQuery & { storeId?: string }): Promise<{ filename: string; body: string }> {
    const report = await this.guideReport(query);
    const storeNames = new Map((await this.stores.list()).map((s) => [s.id, s.name]));
    const columns: Array<[string, (g: GuideReportResponse['guides'][number]) => string | number]> = [
      ['开始日期', () => report.from],
      ['结束日期', () => report.to],
      ['导购ID', (g) => g.guideId],
      ['导购', (g) => g.name],
      ['门店', (g) => storeNames.get(g.storeId) ?? g.storeId],
      ['状态', (g) => (g.status === 'active' ? '在职' : '离职')],
      ['分享次数', (g) => g.shares],
      ['访问次数', (g) => g.visits],
      ['访客数', (g) => g.visitors],
      ['新开卡会员', (g) => g.newMembers],
      ['成交人数', (g) => g.buyers],
      ['成交订单数', (g) => g.orders],
      ['线上订单数', (g) => g.onlineOrders],
      ['门店订单数', (g) => g.storeOrders],
      ['线上成交额(元)', (g) => formatFen(g.onlineGmvFen)],
      ['门店成交额(元)', (g) => formatFen(g.storeGmvFen)],
      ['成交总额(元)', (g) => formatFen(g.gmvFen)],
      ['退款额(元)', (g) => formatFen(g.refundedFen)],
      ['分享成交额(元)', (g) => formatFen(g.gmvFenByRule.share)],
      ['直播分享成交额(元)', (g) => formatFen(g.gmvFenByRule.live_share)],
      ['服务成交额(元)', (g) => formatFen(g.gmvFenByRule.service_guide)],
      ['分享成交占比(%)', (g) => bpsAsPercent(g.sharerVsServer.shareOfCredit.bps)],
      ['佣金(元)', (g) => formatFen(g.commissionFen)],
    ];
    const rows = report.guides.map((g) => columns.map(([, value]) => excelCell(value(g))));
    const body = stringify(rows, {
      bom: true,
      header: true,
      columns: columns.map(([header]) => header),
      record_delimiter: 'windows',
    });
    const suffix = report.storeId ? `-${report.storeId.slice(0, 8)}` : '';
    return { filename: `guide-report-${report.from}-${report.to}${suffix}.csv`, body };
  }

  /** A member's sales over all time, for the WeCom customer card. */
  memberLifetimeSales(memberId: string): Promise<{ orders: number; gmvFen: number }> {
    return this.reader.memberSales(memberId);
  }
}

/** 1234 bps → "12.34"; empty when undefined. */
function bpsAsPercent(bps: number | null): string {
  if (bps === null) return '';
  return `${Math.trunc(bps / 100)}.${String(bps % 100).padStart(2, '0')}`;
}
