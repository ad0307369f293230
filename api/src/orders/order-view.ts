import type { Fulfilment, Order } from '@guideshare/contracts';
import type { SaleForAccrual } from '../ledger/ledger.service.js';
import type { OrderEntity, OrderLineEntity } from './order.entities.js';

/** What the ledger accrues for a paid or redeemed order: its frozen attribution and line rates. */
/** An order's lines, or a refund's, in their order on the receipt (`lineNo`). */
export const inLineOrder = <L extends { lineNo: number }>(lines: readonly L[]): L[] =>
  [...lines].sort((a, b) => a.lineNo - b.lineNo);

export function saleForAccrual(order: OrderEntity, lines: readonly OrderLineEntity[]): SaleForAccrual {
  return {
    orderId: order.id,
    guideId: order.attrGuideId,
    storeId: order.attrStoreId,
    commissionable: order.attrCommissionable,
    policyVersion: order.attrPolicyVersion,
    lines: lines.map((l) => ({ id: l.id, amountFen: l.amountFen, rateBps: l.rateBps })),
  };
}

/** An order as the API shows it; `fulfilment` is the delivery or pickup of an online order (else null). */
export function toOrder(order: OrderEntity, lines: OrderLineEntity[], fulfilment: Fulfilment | null = null): Order {
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    channel: order.channel,
    storeId: order.storeId,
    memberId: order.memberId,
    totalFen: order.totalFen,
    paidFen: order.paidFen,
    refundedFen: order.refundedFen,
    receiptNo: order.receiptNo,
    liveId: order.liveId,
    lines: inLineOrder(lines).map((l) => ({
      id: l.id,
      skuId: l.skuId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      refundedQuantity: l.refundedQuantity,
      refundedFen: l.refundedFen,
    })),
    attribution: {
      guideId: order.attrGuideId,
      storeId: order.attrStoreId,
      rule: order.attrRule,
      shareCode: order.attrShareCode,
      touchedAt: order.attrTouchedAt ? order.attrTouchedAt.toISOString() : null,
      policyVersion: order.attrPolicyVersion,
      commissionable: order.attrCommissionable,
      selfReferral: order.attrSelfReferral,
      ...(order.attrInsteadGuideId && order.attrInsteadRule
        ? { creditedInsteadOf: { guideId: order.attrInsteadGuideId, rule: order.attrInsteadRule } }
        : {}),
    },
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt ? order.paidAt.toISOString() : null,
    fulfilment,
  };
}
