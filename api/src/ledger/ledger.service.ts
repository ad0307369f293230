import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import type { CommissionEntry, CommissionsResponse } from '@guideshare/contracts';
import { commissionFen } from '@guideshare/rules';
import { newId } from '../common/ids.js';
import { PolicyService } from '../policy/policy.service.js';
import { LedgerEntryEntity } from './ledger-entry.entity.js';

const DAY = 86_400_000;

/** What the ledger needs to know about a sale; plain data, so any channel can accrue. */
export interface SaleForAccrual {
  orderId: string;
  guideId: string | null;
  storeId: string | null;
  commissionable: boolean;
  policyVersion: number;
  lines: Array<{ id: string; amountFen: number; rateBps: number }>;
}

const toEntry = (e: LedgerEntryEntity): CommissionEntry => ({
  id: e.id,
  orderId: e.orderId,
  kind: e.kind,
  amountFen: e.amountFen,
  rateBps: e.rateBps,
  availableAt: e.availableAt.toISOString(),
  settlementId: e.settlementId,
});

@Injectable()
export class LedgerService {
  constructor(
    @InjectRepository(LedgerEntryEntity) private readonly entries: Repository<LedgerEntryEntity>,
    private readonly policy: PolicyService,
  ) {}

  /**
   * One accrual per line at the line's frozen rate, available after the cooling-off period of the
   * policy version that decided the order. The unique dedupe key makes a repeat a no-op error.
   */
  async accrue(em: EntityManager, sale: SaleForAccrual, at: Date): Promise<number> {
    if (!sale.commissionable || !sale.guideId) return 0;
    const { coolingOffDays } = await this.policy.byVersion(em, sale.policyVersion);
    const availableAt = new Date(at.getTime() + coolingOffDays * DAY);
    const rows: LedgerEntryEntity[] = sale.lines
      .map((line) => ({ line, amountFen: commissionFen(line.amountFen, line.rateBps) }))
      .filter(({ amountFen }) => amountFen > 0)
      .map(({ line, amountFen }) => ({
        id: newId(at.getTime()),
        dedupeKey: `accrual:${line.id}`,
        guideId: sale.guideId!,
        storeId: sale.storeId,
        orderId: sale.orderId,
        orderLineId: line.id,
        kind: 'accrual',
        amountFen,
        rateBps: line.rateBps,
        baseFen: line.amountFen,
        availableAt,
        settlementId: null,
        reason: null,
        createdAt: at,
      }));
    if (rows.length) await em.insert(LedgerEntryEntity, rows);
    return rows.reduce((sum, r) => sum + r.amountFen, 0);
  }

  async forOrder(orderId: string): Promise<LedgerEntryEntity[]> {
    return this.entries.find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A guide's entries (optionally in a creation-time range) and balances by state. */
  async commissionsForGuide(guideId: string, range: { from?: string; to?: string }, now = new Date()): Promise<CommissionsResponse> {
    const where: FindOptionsWhere<LedgerEntryEntity> = { guideId };
    if (range.from && range.to) where.createdAt = Between(new Date(range.from), new Date(range.to));
    else if (range.from) where.createdAt = MoreThanOrEqual(new Date(range.from));
    else if (range.to) where.createdAt = LessThanOrEqual(new Date(range.to));
    const [listed, totals] = await Promise.all([
      this.entries.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: 500 }),
      this.balances(guideId, now),
    ]);
    return { entries: listed.map(toEntry), ...totals };
  }

  private async balances(guideId: string, now: Date) {
    const rows = await this.entries
      .createQueryBuilder('e')
      .select(
        `CASE WHEN e.settlementId IS NOT NULL THEN 'settled' WHEN e.availableAt <= :now THEN 'available' ELSE 'pending' END`,
        'state',
      )
      .addSelect('SUM(e.amountFen)', 'total')
      .where('e.guideId = :guideId', { guideId, now })
      .groupBy('state')
      .getRawMany<{ state: string; total: string | number }>();
    const total = (state: string) => Number(rows.find((r) => r.state === state)?.total ?? 0);
    return { pendingFen: total('pending'), availableFen: total('available'), settledFen: total('settled') };
  }
}
