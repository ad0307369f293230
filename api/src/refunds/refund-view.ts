import type { OrderChannel, OrderStatus } from '@guideshare/contracts';
import { inLineOrder } from '../orders/order-view.js';
import type { RefundEntity, RefundLineEntity, RefundStatus } from './refund.entities.js';

/** A refund as the API shows it. */
export interface RefundView {
  id: string;
  orderId: string;
  channel: OrderChannel;
  status: RefundStatus;
  amountFen: number;
  reason: string;
  lines: Array<{ lineId: string; quantity: number; amountFen: number }>;
  /** Online: our out_refund_no and WeChat Pay's refund_id (once known). */
  outRefundNo: string | null;
  refundId: string | null;
  /** Counter: the store and its refund number. */
  storeId: string | null;
  refundNo: string | null;
  note: string | null;
  createdAt: string;
  completedAt: string | null;
  /** The order's status after this refund as far as it is known now. */
  orderStatus?: OrderStatus;
}

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
