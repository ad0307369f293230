import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { EntityManager, LessThan, MoreThan, Repository } from 'typeorm';
import { formatFen, type Settlement, type SettlementPreview } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { excelCell } from '../common/excel.js';
import { newId } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import { lockedForUpdate } from '../database/row-lock.js';
import { GuidesService } from '../guides/guides.service.js';
import { LedgerService, type SettlementTotalsRow } from '../ledger/ledger.service.js';
import { StoresService } from '../stores/stores.service.js';
import { isPeriod, monthRange } from '../common/business-time.js';
import { SettlementEntity, StatementEntity } from './settlement.entities.js';
import { computeSettlement, guidesOf, type ComputedSettlement, type StatementView } from './settlement-computation.js';

export type { StatementView } from './settlement-computation.js';

/** The contract's shape (packages/contracts console.ts). */
export type SettlementView = Settlement;

const toStatementView = ({
  id: _id,
  settlementId: _settlementId,
  period: _period,
  ...view
}: StatementEntity): StatementView => view;

const toView = (s: SettlementEntity, statements?: StatementEntity[]): SettlementView => ({
  id: s.id,
  period: s.period,
  totalFen: s.totalFen,
  entriesFen: s.entriesFen,
  openingFen: s.openingFen,
  carriedForwardFen: s.carriedForwardFen,
  entryCount: s.entryCount,
  cutoffAt: s.cutoffAt.toISOString(),
  closedAt: s.closedAt.toISOString(),
  ...(statements ? { statements: statements.map(toStatementView) } : {}),
});

const CHUNK = 500;

/**
 * Statement CSV columns, for a Chinese finance team in Excel: amounts in yuan with two decimals,
 * formatted from integer fen (`formatFen`), never through a float.
 */
const CSV_COLUMNS = [
  { key: 'period', header: '结算期间' },
  { key: 'guideName', header: '导购' },
  { key: 'guideId', header: '导购ID' },
  { key: 'storeName', header: '门店' },
  { key: 'storeId', header: '门店ID' },
  { key: 'opening', header: '期初余额(元)' },
  { key: 'accrued', header: '本期佣金(元)' },
  { key: 'reversed', header: '退款冲回(元)' },
  { key: 'adjusted', header: '调整(元)' },
  { key: 'closing', header: '期末余额(元)' },
  { key: 'payable', header: '本期应付(元)' },
  { key: 'carried', header: '结转下期(元)' },
  { key: 'entries', header: '流水笔数' },
] as const;

@Injectable()
export class SettlementsService {
  constructor(
    @InjectRepository(SettlementEntity) private readonly settlements: Repository<SettlementEntity>,
    @InjectRepository(StatementEntity) private readonly statements: Repository<StatementEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly ledger: LedgerService,
    private readonly guides: GuidesService,
    private readonly stores: StoresService,
  ) {}

  private range(period: string) {
    if (!isPeriod(period))
      throw AppError.badRequest('PERIOD_INVALID', `period must be YYYY-MM, got ${JSON.stringify(period)}`);
    return monthRange(period, this.config.businessTz);
  }

  /**
   * Closes a month: in one transaction, inserts the settlement (unique period: a second close, even a
   * concurrent one, is a 409), assigns every available, unsettled, not-held entry with one conditional
   * UPDATE, and writes per-guide statements whose opening balances are the previous settlement's
   * negative closings. The cut-off is the end of the month or the moment of closing, whichever is
   * earlier; entries that become available later go to the next period.
   */
  async close(period: string, closedBy: string | null, now = new Date()): Promise<SettlementView> {
    const { start, end } = this.range(period);
    if (now.getTime() < start.getTime())
      throw AppError.unprocessable('PERIOD_NOT_STARTED', `Period ${period} has not begun in ${this.config.businessTz}`);
    const cutoffAt = new Date(Math.min(end.getTime(), now.getTime()));
    if (await this.settlements.existsBy({ period }))
      throw AppError.conflict('SETTLEMENT_ALREADY_CLOSED', `Period ${period} is already closed`);
    try {
      return await this.tx.run((em) => this.closeIn(em, period, { end, cutoffAt, now, closedBy }));
    } catch (e) {
      if (isDuplicateKey(e)) throw AppError.conflict('SETTLEMENT_ALREADY_CLOSED', `Period ${period} is already closed`);
      throw e;
    }
  }

  private async closeIn(
    em: EntityManager,
    period: string,
    t: { end: Date; cutoffAt: Date; now: Date; closedBy: string | null },
  ): Promise<SettlementView> {
    const id = newId(t.now.getTime());
    const settlement: SettlementEntity = {
      id,
      period,
      cutoffAt: t.cutoffAt,
      closedAt: t.now,
      closedBy: t.closedBy,
      totalFen: 0,
      entriesFen: 0,
      openingFen: 0,
      carriedForwardFen: 0,
      entryCount: 0,
      statementCount: 0,
    };
    await em.insert(SettlementEntity, settlement);

    // A locking read of the other settlements: waits for a close of another period still in flight,
    // so openings always come from a committed previous settlement (the loser of a deadlock retries).
    const openingFenByGuide = await this.openings(em, period, true);
    await this.ledger.assignToSettlement(em, id, { before: t.end, asOf: t.now });
    // Sums per (guide, kind) from the database: memory stays flat however many entries settle.
    const computed = await this.compute(em, await this.ledger.totalsOfSettlement(em, id), openingFenByGuide);

    const rows: StatementEntity[] = computed.statements.map((s) => ({
      id: newId(t.now.getTime()),
      settlementId: id,
      period,
      ...s,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await em.insert(StatementEntity, rows.slice(i, i + CHUNK));
    await em.getRepository(SettlementEntity).update({ id }, computed.totals);
    return toView({ ...settlement, ...computed.totals }, rows);
  }

  /**
   * The close of `period` as it would be now, computed by the same code from the same entries and
   * openings, writing nothing (the same 409 and 422 as the close).
   */
  async preview(period: string, now = new Date()): Promise<SettlementPreview> {
    const { start, end } = this.range(period);
    if (now.getTime() < start.getTime())
      throw AppError.unprocessable('PERIOD_NOT_STARTED', `Period ${period} has not begun in ${this.config.businessTz}`);
    if (await this.settlements.existsBy({ period }))
      throw AppError.conflict('SETTLEMENT_ALREADY_CLOSED', `Period ${period} is already closed`);
    const em = this.tx.outside;
    const openingFenByGuide = await this.openings(em, period, false);
    const rows = await this.ledger.totalsOfWindow(em, { before: end, asOf: now });
    const { statements, totals } = await this.compute(em, rows, openingFenByGuide);
    const { statementCount: _, ...shown } = totals;
    return {
      period,
      cutoffAt: new Date(Math.min(end.getTime(), now.getTime())).toISOString(),
      ...shown,
      statements,
    };
  }

  /**
   * The opening balances of `period`: the previous settlement's negative closings. A later period
   * already closed makes `period` unclosable (409). `lock` serializes closes of different periods.
   */
  private async openings(em: EntityManager, period: string, lock: boolean): Promise<Record<string, number>> {
    const othersQuery = em
      .getRepository(SettlementEntity)
      .createQueryBuilder('s')
      .where('s.period <> :period', { period })
      .orderBy('s.period', 'DESC');
    const others = await (lock ? lockedForUpdate(em, othersQuery) : othersQuery).getMany();
    const later = others.find((o) => o.period > period);
    if (later)
      throw AppError.conflict(
        'SETTLEMENT_OUT_OF_ORDER',
        `Period ${later.period} is already closed; ${period} can no longer be closed`,
      );
    const previous = others[0];
    const carried = previous
      ? await em.getRepository(StatementEntity).findBy({ settlementId: previous.id, carriedForwardFen: LessThan(0) })
      : [];
    return Object.fromEntries(carried.map((s) => [s.guideId, s.carriedForwardFen]));
  }

  /** The statements and totals from the entries' sums, each guide printed with their current store. */
  private async compute(
    em: EntityManager,
    rows: SettlementTotalsRow[],
    openingFenByGuide: Record<string, number>,
  ): Promise<ComputedSettlement> {
    const refs = await this.guides.refs(em, guidesOf(rows, openingFenByGuide));
    const storeIdByGuide: Record<string, string> = {};
    for (const [guideId, ref] of Object.entries(refs)) storeIdByGuide[guideId] = ref.storeId;
    return computeSettlement(rows, openingFenByGuide, storeIdByGuide);
  }

  async list(): Promise<SettlementView[]> {
    return (await this.settlements.find({ order: { period: 'DESC' } })).map((s) => toView(s));
  }

  async get(period: string): Promise<SettlementView> {
    const settlement = await this.require(period);
    const statements = await this.statements.find({
      where: { settlementId: settlement.id },
      order: { guideId: 'ASC' },
    });
    return toView(settlement, statements);
  }

  private async require(period: string): Promise<SettlementEntity> {
    this.range(period);
    const settlement = await this.settlements.findOneBy({ period });
    if (!settlement) throw AppError.notFound('SETTLEMENT_NOT_FOUND', `Period ${period} is not closed`);
    return settlement;
  }

  /**
   * The period's statements as CSV, streamed page by page: UTF-8 with BOM, CRLF, every field quoted,
   * one row per statement — opens cleanly in Excel.
   */
  async statementsCsv(period: string): Promise<{ filename: string; stream: Readable }> {
    const settlement = await this.require(period);
    const [guides, stores] = await Promise.all([this.guides.list(), this.stores.list()]);
    const guideName = new Map(guides.map((g) => [g.id, g.name]));
    const storeName = new Map(stores.map((s) => [s.id, s.name]));
    const statements = this.statements;
    async function* records() {
      let after = '';
      for (;;) {
        const page = await statements.find({
          where: { settlementId: settlement.id, guideId: MoreThan(after) },
          order: { guideId: 'ASC' },
          take: CHUNK,
        });
        for (const s of page) {
          yield {
            period: settlement.period,
            guideName: excelCell(guideName.get(s.guideId) ?? ''),
            guideId: s.guideId,
            storeName: excelCell(s.storeId ? (storeName.get(s.storeId) ?? '') : ''),
            storeId: s.storeId ?? '',
            opening: formatFen(s.openingFen),
            accrued: formatFen(s.accruedFen),
            reversed: formatFen(s.reversedFen),
            adjusted: formatFen(s.adjustedFen),
            closing: formatFen(s.closingFen),
            payable: formatFen(s.payableFen),
            carried: formatFen(s.carriedForwardFen),
            entries: String(s.entryCount),
          };
        }
        if (page.length < CHUNK) return;
        after = page[page.length - 1]!.guideId;
      }
    }
    const csv = stringify({
      bom: true,
      header: true,
      quoted: true,
      record_delimiter: 'windows',
      columns: CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    });
    const source = Readable.from(records());
    source.on('error', (e) => csv.destroy(e));
    return { filename: `guide-statements-${settlement.period}.csv`, stream: source.pipe(csv) };
  }
}
