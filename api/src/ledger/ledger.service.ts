import type { LedgerEntryKind } from '@guideshare/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, IsNull, Repository } from 'typeorm';
import type { CommissionEntry, CommissionsResponse } from '@guideshare/contracts';
import { nameEntries } from './entry-names.js';
import { commissionFen, reversalFen } from '@guideshare/rules';
import { newId } from '../common/ids.js';
import { withinRange, type RangeQuery } from '../common/range-query.js';
import { Transactions } from '../database/transactions.js';
import { PolicyService } from '../policy/policy.service.js';
import { currentAccruals } from './current-accruals.js';
import { LedgerEntryEntity } from './ledger-entry.entity.js';
import { LedgerHoldEntity } from './ledger-hold.entity.js';

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

/** One line of a successful refund, as the ledger needs it to take commission back. */
export interface ReversalLine {
  orderLineId: string;
  /** Amount of the line refunded by earlier successful refunds. */
  refundedBeforeFen: number;
  /** Amount of the line refunded now. */
  refundNowFen: number;
}

export interface RefundForReversal {
  orderId: string;
  refundId: string;
  lines: ReversalLine[];
}

export interface AdjustmentInput {
  guideId: string;
  storeId: string | null;
  /** Signed, non-zero. */
  amountFen: number;
  reason: string;
  /** Unique per adjustment: a retry with the same key lands once. */
  dedupeKey: string;
  orderId?: string | null;
}

/** SQL: the entry's order has an open hold (a refund in progress). `alias` names ledger_entries. */
const heldSql = (alias: string) =>
  `EXISTS (SELECT 1 FROM ledger_holds h WHERE h.orderId = ${alias}.orderId AND h.releasedAt IS NULL)`;

/** What a close takes: unsettled, available before the period's end and by the closing time, not held. */
const SETTLEABLE = (alias: string) =>
  `${alias}.settlementId IS NULL AND ${alias}.availableAt < :before AND ${alias}.availableAt <= :asOf AND NOT ${heldSql(alias)}`;

export interface SettlementWindow {
  /** the end of the period (exclusive) */
  before: Date;
  /** the moment of closing (inclusive) */
  asOf: Date;
}

/** A settlement's (or would-be settlement's) entries summed per guide and kind. */
export interface SettlementTotalsRow {
  guideId: string;
  kind: LedgerEntryKind;
  storeId: string | null;
  amountFen: number;
  entries: number;
  badSigns: number;
}

export const toEntry = (e: LedgerEntryEntity): CommissionEntry => ({
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
    private readonly tx: Transactions,
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

  /**
   * Takes commission back for a successful refund: per refunded line, `reversalFen` at the rate frozen
   * on the line's current accrual (never today's rate; after an attribution correction, the new
   * guide's), for that accrual's guide and store, stored negative.
   * Summed over any sequence of refunds a line's entries equal `commissionFen(paid − refunded)` at that
   * rate exactly, and never go below zero. A line without an accrual (not commissionable, or under a
   * fen) reverses nothing. The entry is available when the refund is recorded, or at the accrual's
   * own `availableAt` if that is later, so that a refund inside the cooling-off period nets out in the
   * same settlement as its accrual and a later one lands in the next open period.
   */
  async reverse(em: EntityManager, refund: RefundForReversal, at: Date): Promise<number> {
    if (!refund.lines.length) return 0;
    const byLine = await currentAccruals(
      em,
      refund.orderId,
      refund.lines.map((l) => l.orderLineId),
    );
    const rows: LedgerEntryEntity[] = [];
    for (const line of refund.lines) {
      const accrual = byLine.get(line.orderLineId);
      if (!accrual || accrual.orderId !== refund.orderId) continue;
      const fen = reversalFen({
        lineAmountFen: accrual.baseFen ?? 0,
        refundedBeforeFen: line.refundedBeforeFen,
        refundNowFen: line.refundNowFen,
        rateBps: accrual.rateBps ?? 0,
      });
      if (fen === 0) continue;
      rows.push({
        id: newId(at.getTime()),
        dedupeKey: `reversal:${refund.refundId}:${line.orderLineId}`,
        guideId: accrual.guideId,
        storeId: accrual.storeId,
        orderId: refund.orderId,
        orderLineId: line.orderLineId,
        kind: 'reversal',
        amountFen: -fen,
        rateBps: accrual.rateBps,
        baseFen: line.refundNowFen,
        availableAt: new Date(Math.max(at.getTime(), accrual.availableAt.getTime())),
        settlementId: null,
        reason: `refund ${refund.refundId}`,
        createdAt: at,
      });
    }
    if (rows.length) await em.insert(LedgerEntryEntity, rows);
    return rows.reduce((sum, r) => sum - r.amountFen, 0);
  }

  /** A signed manual correction by finance, available at once. */
  async adjust(em: EntityManager, input: AdjustmentInput, at: Date): Promise<LedgerEntryEntity> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen === 0)
      throw new RangeError(`adjustment must be a non-zero integer of fen, got ${input.amountFen}`);
    const row: LedgerEntryEntity = {
      id: newId(at.getTime()),
      dedupeKey: input.dedupeKey,
      guideId: input.guideId,
      storeId: input.storeId,
      orderId: input.orderId ?? null,
      orderLineId: null,
      kind: 'adjustment',
      amountFen: input.amountFen,
      rateBps: null,
      baseFen: null,
      availableAt: at,
      settlementId: null,
      reason: input.reason,
      createdAt: at,
    };
    await em.insert(LedgerEntryEntity, row);
    return row;
  }

  async byDedupeKey(dedupeKey: string): Promise<LedgerEntryEntity | null> {
    return this.entries.findOneBy({ dedupeKey });
  }

  /** Opens a hold on an order's entries (idempotent per `holdKey`). */
  async hold(em: EntityManager, orderId: string, holdKey: string, at: Date): Promise<void> {
    const repo = em.getRepository(LedgerHoldEntity);
    if (await repo.existsBy({ holdKey })) return;
    await repo.insert({ id: newId(at.getTime()), orderId, holdKey, createdAt: at, releasedAt: null });
  }

  /** Releases a hold; releasing twice or an unknown hold does nothing. */
  async release(em: EntityManager, holdKey: string, at: Date): Promise<void> {
    await em.getRepository(LedgerHoldEntity).update({ holdKey, releasedAt: IsNull() }, { releasedAt: at });
  }

  /**
   * Assigns every available, unsettled, not-held entry to a settlement, once: a single conditional
   * UPDATE (`settlementId IS NULL`), so concurrent closes can never take an entry twice. Available
   * means `availableAt < before` (the end of the period, exclusive) and `availableAt ≤ asOf` (the
   * moment of closing). Returns how many entries were taken.
   */
  async assignToSettlement(em: EntityManager, settlementId: string, window: SettlementWindow): Promise<number> {
    const result = await em
      .createQueryBuilder()
      .update(LedgerEntryEntity)
      .set({ settlementId })
      .where(SETTLEABLE('ledger_entries'), window)
      .execute();
    return result.affected ?? 0;
  }

  /**
   * A settlement's entries summed in the database, per guide and kind: what statements need, in
   * memory proportional to guides, not entries. `badSigns` counts entries breaking the sign
   * convention (accruals < 0, reversals > 0), which buildStatements would refuse one by one.
   */
  totalsOfSettlement(em: EntityManager, settlementId: string): Promise<SettlementTotalsRow[]> {
    return this.totals(em, 'e.settlementId = :settlementId', { settlementId });
  }

  /**
   * The same sums over the entries a close would take now (the same condition as
   * `assignToSettlement`), reading only: what a settlement preview shows.
   */
  totalsOfWindow(em: EntityManager, window: SettlementWindow): Promise<SettlementTotalsRow[]> {
    return this.totals(em, SETTLEABLE('e'), window);
  }

  private async totals(em: EntityManager, where: string, params: object): Promise<SettlementTotalsRow[]> {
    const rows = await em
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .select('e.guideId', 'guideId')
      .addSelect('e.kind', 'kind')
      .addSelect('MAX(e.storeId)', 'storeId')
      .addSelect('SUM(e.amountFen)', 'amountFen')
      .addSelect('COUNT(*)', 'entries')
      .addSelect(
        "SUM(CASE WHEN (e.kind = 'accrual' AND e.amountFen < 0) OR (e.kind = 'reversal' AND e.amountFen > 0) THEN 1 ELSE 0 END)",
        'badSigns',
      )
      .where(where, params)
      .groupBy('e.guideId')
      .addGroupBy('e.kind')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      guideId: r.guideId as string,
      kind: r.kind as LedgerEntryKind,
      storeId: (r.storeId as string | null) ?? null,
      amountFen: safeInteger(r.amountFen),
      entries: Number(r.entries),
      badSigns: Number(r.badSigns),
    }));
  }

  /** Adjustments, newest first, optionally of one guide and created within a range. */
  async adjustments(filter: { guideId?: string; range: RangeQuery; limit: number }): Promise<LedgerEntryEntity[]> {
    const where: FindOptionsWhere<LedgerEntryEntity> = { kind: 'adjustment' };
    if (filter.guideId) where.guideId = filter.guideId;
    const createdAt = withinRange(filter.range);
    if (createdAt) where.createdAt = createdAt;
    return this.entries.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: filter.limit });
  }

  async forOrder(orderId: string): Promise<LedgerEntryEntity[]> {
    return this.entries.find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A guide's entries (optionally in a creation-time range) and balances by state. */
  async commissionsForGuide(guideId: string, range: RangeQuery, now = new Date()): Promise<CommissionsResponse> {
    const where: FindOptionsWhere<LedgerEntryEntity> = { guideId };
    const createdAt = withinRange(range);
    if (createdAt) where.createdAt = createdAt;
    const [listed, totals] = await Promise.all([
      this.entries.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: 500 }),
      this.balances(guideId, now),
    ]);
    return { entries: await nameEntries(this.tx.outside, listed.map(toEntry), listed), ...totals };
  }

  private async balances(guideId: string, now: Date) {
    const rows = await this.entries
      .createQueryBuilder('e')
      .select(
        // Entries of an order with a refund in progress are held back: pending, not available.
        `CASE WHEN e.settlementId IS NOT NULL THEN 'settled' WHEN e.availableAt <= :now AND NOT ${heldSql('e')} THEN 'available' ELSE 'pending' END`,
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

function safeInteger(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${String(value)}`);
  return n;
}
