import { EntityManager } from 'typeorm';
import type { OrderStatus } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { statusAfterRefund } from './order-state.js';
import { transitionOrder } from './order-transition.js';

/** A successful refund as the order takes it: the amount and, per line, the quantity and amount. */
export interface RefundApplied {
  amountFen: number;
  lines: Array<{ lineId: string; quantity: number; amountFen: number }>;
}

/**
 * Applies a successful refund to the order (caller holds `OrdersService.lockWithLines`): adds each
 * line's refunded quantity and amount, adds to the order's `refundedFen` and moves it to
 * PARTIALLY_REFUNDED or REFUNDED by what is left. Never refunds a line or the order past what was paid.
 */
export async function applyRefundToOrder(
  em: EntityManager,
  orderId: string,
  refund: RefundApplied,
): Promise<OrderStatus> {
  const order = await em.getRepository(OrderEntity).findOneBy({ id: orderId });
  if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${orderId}`);
  const lineRepo = em.getRepository(OrderLineEntity);
  for (const part of refund.lines) {
    const line = await lineRepo.findOneBy({ id: part.lineId, orderId });
    if (!line) throw AppError.notFound('ORDER_LINE_NOT_FOUND', `No line ${part.lineId} on order ${orderId}`);
    const refundedFen = line.refundedFen + part.amountFen;
    const refundedQuantity = line.refundedQuantity + part.quantity;
    if (refundedFen > line.amountFen || refundedQuantity > line.quantity) {
      throw AppError.unprocessable('REFUND_EXCEEDS_PAID', `Line ${line.id} cannot be refunded past what was paid`);
    }
    // Conditional on the values read: a concurrent writer makes this affect nothing, and we stop.
    const result = await lineRepo.update(
      { id: line.id, refundedFen: line.refundedFen, refundedQuantity: line.refundedQuantity },
      { refundedFen, refundedQuantity },
    );
    if (!result.affected) throw AppError.conflict('ORDER_CHANGED', `Line ${line.id} changed concurrently`);
  }
  const refundedFen = order.refundedFen + refund.amountFen;
  if (refundedFen > order.paidFen)
    throw AppError.unprocessable(
      'REFUND_EXCEEDS_PAID',
      `Order ${orderId} cannot be refunded past the ${order.paidFen} fen paid`,
    );
  const status = statusAfterRefund(order.paidFen, refundedFen);
  if (!(await transitionOrder(em, orderId, status, { refundedFen })))
    throw AppError.conflict(
      'ORDER_NOT_REFUNDABLE',
      `Order ${orderId} in status ${order.status} cannot take this refund`,
    );
  return status;
}
