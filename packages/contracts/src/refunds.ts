// Refunds (online through WeChat Pay, or at a store counter) and counter sales, as the console reads them.
import type { Order, OrderChannel, OrderStatus } from './orders.js';

/** A refund's status at WeChat Pay (a counter refund is SUCCESS at once); transitions: api/src/refunds/refund-state.ts. */
export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'FAILED';

/** `GET /api/orders/:id/refunds` (each), `POST /api/orders/:id/refunds` and `POST /api/pos/refunds`. */
export interface Refund {
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
  /** The order's status after this refund as far as it is known now (on creation). */
  orderStatus?: OrderStatus;
}

/** `POST /api/pos/redemptions`: the store order, and the guide the sale credits (the counter tells the customer). */
export interface CounterSale extends Order {
  creditedGuide: { id: string; name: string } | null;
}
