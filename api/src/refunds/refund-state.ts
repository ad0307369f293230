import type { OrderStatus } from '@guideshare/contracts';
import type { RefundStatus } from './refund.entities.js';

/**
 * The refund state machine as data, beside `orders/order-state.ts`. An online refund is created
 * PROCESSING (a counter refund is SUCCESS at once); WeChat Pay's final word (REFUND.* notify or a
 * query) moves it on, applied as `UPDATE … WHERE status = <current>` so a repeated or concurrent
 * report finds it already moved. FAILED is set only when WeChat Pay refused the request outright.
 */
export const REFUND_TRANSITIONS: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = {
  PROCESSING: ['SUCCESS', 'CLOSED', 'ABNORMAL', 'FAILED'],
  // An abnormal refund (e.g. the buyer's card was closed) can still be completed or closed at WeChat.
  ABNORMAL: ['SUCCESS', 'CLOSED'],
  SUCCESS: [],
  CLOSED: [],
  FAILED: [],
};

/** The statuses WeChat Pay reports (REFUND.SUCCESS / CLOSED / ABNORMAL); FAILED is ours alone. */
export type ReportedRefundStatus = Exclude<RefundStatus, 'PROCESSING' | 'FAILED'>;

export function canRefundMove(from: RefundStatus, to: RefundStatus): boolean {
  return REFUND_TRANSITIONS[from].includes(to);
}

/** Statuses whose amount is spoken for: a new refund may not claim it again. */
export const CLAIMING_STATUSES: readonly RefundStatus[] = ['PROCESSING', 'ABNORMAL', 'SUCCESS'];

/** Order statuses a refund may start from. */
export const REFUNDABLE_ORDER_STATUSES: readonly OrderStatus[] = ['PAID', 'PARTIALLY_REFUNDED'];
