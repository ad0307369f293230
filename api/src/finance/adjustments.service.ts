import type { Adjustment } from '@guideshare/contracts';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { Transactions } from '../database/transactions.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { GuidesService } from '../guides/guides.service.js';
import { OrdersService } from '../orders/orders.service.js';
import type { LedgerEntryEntity } from '../ledger/ledger-entry.entity.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { CreateAdjustmentDto, ListAdjustmentsQuery } from './finance.dto.js';

/** The contract's shape (packages/contracts console.ts). */
export type AdjustmentView = Adjustment;

const toView = (e: LedgerEntryEntity): AdjustmentView => ({
  id: e.id,
  guideId: e.guideId,
  storeId: e.storeId,
  orderId: e.orderId,
  kind: 'adjustment',
  amountFen: e.amountFen,
  reason: e.reason ?? '',
  availableAt: e.availableAt.toISOString(),
  settlementId: e.settlementId,
  createdAt: e.createdAt.toISOString(),
});

@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly ledger: LedgerService,
    private readonly guides: GuidesService,
    private readonly orders: OrdersService,
  ) {}

  /**
   * A signed correction for a guide, available at once (it goes into the next settlement closed).
   * With an Idempotency-Key a retry lands once: the same key and body answer the first entry, another
   * body is a 409.
   */
  async create(
    input: CreateAdjustmentDto,
    idempotencyKey: string | null,
  ): Promise<{ entry: AdjustmentView; replayed: boolean }> {
    const dedupeKey = `adjustment:${idempotencyKey ?? newId()}`;
    const previous = idempotencyKey ? await this.replay(dedupeKey, input) : null;
    if (previous) return { entry: previous, replayed: true };
    const guide = await this.guides.require(this.tx.outside, input.guideId);
    const { value: entry, replayed } = await insertOrReplay(
      async () => {
        const row = await this.tx.run(async (em) => {
          // An adjustment about an order names one that exists (404 ORDER_NOT_FOUND otherwise).
          if (input.orderId !== undefined) await this.orders.requireWithLines(em, input.orderId);
          return this.ledger.adjust(
            em,
            {
              guideId: guide.id,
              storeId: guide.storeId,
              amountFen: input.amountFen,
              reason: input.reason,
              dedupeKey,
              orderId: input.orderId ?? null,
            },
            new Date(),
          );
        });
        return toView(row);
      },
      () => this.replay(dedupeKey, input),
    );
    return { entry, replayed };
  }

  async list(query: ListAdjustmentsQuery): Promise<AdjustmentView[]> {
    const rows = await this.ledger.adjustments({ guideId: query.guideId, range: query, limit: query.limit ?? 200 });
    return rows.map(toView);
  }

  private async replay(dedupeKey: string, input: CreateAdjustmentDto): Promise<AdjustmentView | null> {
    const existing = await this.ledger.byDedupeKey(dedupeKey);
    if (!existing) return null;
    const same =
      existing.guideId === input.guideId &&
      existing.amountFen === input.amountFen &&
      existing.reason === input.reason &&
      existing.orderId === (input.orderId ?? null);
    if (!same)
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    return toView(existing);
  }
}
