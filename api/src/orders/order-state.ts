import type { OrderStatus } from '@guideshare/contracts';

/**
 * The order state machine as data: every status change in the code goes through `canTransition`,
 * and the persistence layer applies it as `UPDATE … WHERE status IN (allowed sources)`, so two racing
 * events cannot both move an order.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  // WeChat can still report a payment made before an unpaid order was cancelled: the sale stands
  // (PAID) only if its stock can be taken again; otherwise the money is refunded in full (REFUNDED).
  CANCELLED: ['PAID', 'REFUNDED'],
  PAID: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  // Delivery and pickup end in the fulfilment record (fulfilment-state.ts, FULFILLED), not in the
  // order's status: a received order stays PAID or PARTIALLY_REFUNDED and after-sales can still refund it.
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  REFUNDED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** The statuses from which `to` may be reached. */
export function sourcesOf(to: OrderStatus): OrderStatus[] {
  return (Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).filter((from) => canTransition(from, to));
}

/** The status after money comes back: by what is left, never by counting events. */
export function statusAfterRefund(paidFen: number, refundedFen: number): OrderStatus {
  return refundedFen >= paidFen ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}
