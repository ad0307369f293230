import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { AttributionRule } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';

/** An order's credit given by hand to a guide (rule `manual`), with the evidence of what it replaced. */
export interface Reattribution {
  guideId: string;
  storeId: string;
  selfReferral: boolean;
  /** The guide and rule the order was credited to before, if any (kept as `creditedInsteadOf`). */
  insteadOf: { guideId: string; rule: AttributionRule } | null;
  /** New frozen rates by line id (lines not named keep theirs). */
  lineRates: Map<string, number>;
}

/**
 * The one way to change an order's frozen attribution after it was decided: an admin's correction
 * (docs/DOMAIN.md rule 7 — never recomputed silently; the correction module keeps the history).
 */
@Injectable()
export class OrderAttributionService {
  /** Caller holds the order's row lock (`OrdersService.lockWithLines`); the previous rule is checked. */
  async reattribute(em: EntityManager, order: OrderEntity, change: Reattribution): Promise<void> {
    const result = await em.getRepository(OrderEntity).update(
      { id: order.id, attrRule: order.attrRule, attrGuideId: order.attrGuideId ?? IsNull() },
      {
        attrRule: 'manual',
        attrGuideId: change.guideId,
        attrStoreId: change.storeId,
        attrCommissionable: true,
        attrSelfReferral: change.selfReferral,
        attrInsteadGuideId: change.insteadOf?.guideId ?? null,
        attrInsteadRule: change.insteadOf?.rule ?? null,
      },
    );
    if (!result.affected) throw AppError.conflict('ORDER_CHANGED', `Order ${order.id} changed concurrently; try again`);
    for (const [lineId, rateBps] of change.lineRates)
      await em.getRepository(OrderLineEntity).update({ id: lineId, orderId: order.id }, { rateBps });
  }
}
