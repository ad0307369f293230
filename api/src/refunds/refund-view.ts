import type { OrderStatus, Refund } from '@guideshare/contracts';
import { inLineOrder } from '../orders/order-view.js';
import type { RefundEntity, RefundLineEntity } from './refund.entities.js';

/** A refund as the API shows it: the contract's. */
export type RefundView = Refund;

export function toRefundView(r: RefundEntity, lines: RefundLineEntity[], orderStatus?: OrderStatus): RefundView {
  return {
    id: r.id,
    orderId: r.orderId,
    channel: r.channel,
    status: r.status,
    amountFen: r.amountFen,
    reason: r.reason,
    lines: inLineOrder(lines).map((l) => ({ lineId: l.orderLineId, quantity: l.quantity, amountFen: l.amountFen })),
    outRefundNo: r.outRefundNo,
    refundId: r.wechatRefundId,
    storeId: r.storeId,
    refundNo: r.refundNo,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    ...(orderStatus ? { orderStatus } : {}),
  };
}
