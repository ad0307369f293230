import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import type { OrderEntity, OrderLineEntity } from '../orders/order.entities.js';
import { inLineOrder } from '../orders/order-view.js';
import type { RefundableLine, RefundPlan } from './refund-plan.js';
import { CLAIMING_STATUSES } from './refund-state.js';
import { RefundEntity, RefundLineEntity } from './refund.entities.js';

/** The ledger hold that keeps an order's entries out of settlement while its refund is in flight. */
export const refundHoldKey = (refundId: string) => `refund:${refundId}`;

/** A new online refund, PROCESSING until WeChat Pay's final word (out_refund_no = the id without dashes). */
export function newOnlineRefund(
  init: Pick<
    RefundEntity,
    'id' | 'orderId' | 'amountFen' | 'reason' | 'idempotencyKey' | 'requestHash' | 'requestedBy'
  >,
  at: Date,
): RefundEntity {
  return {
    ...init,
    channel: 'online',
    status: 'PROCESSING',
    storeId: null,
    refundNo: null,
    outRefundNo: init.id.replace(/-/g, ''),
    wechatRefundId: null,
    note: null,
    createdAt: at,
    submittedAt: null,
    completedAt: null,
  };
}

/** The order's lines with what refunds (successful or still in flight) already claim of each. */
export async function refundableLines(
  em: EntityManager,
  orderId: string,
  lines: readonly OrderLineEntity[],
): Promise<RefundableLine[]> {
  const claimed = await em
    .getRepository(RefundLineEntity)
    .createQueryBuilder('rl')
    .innerJoin(RefundEntity, 'r', 'r.id = rl.refundId')
    .select('rl.orderLineId', 'lineId')
    .addSelect('SUM(rl.quantity)', 'quantity')
    .addSelect('SUM(rl.amountFen)', 'amountFen')
    .where('r.orderId = :orderId', { orderId })
    .andWhere('r.status IN (:...statuses)', { statuses: CLAIMING_STATUSES })
    .groupBy('rl.orderLineId')
    .getRawMany<{ lineId: string; quantity: string | number; amountFen: string | number }>();
  const byLine = new Map(claimed.map((c) => [c.lineId, { quantity: Number(c.quantity), fen: Number(c.amountFen) }]));
  return inLineOrder(lines).map((l) => ({
    id: l.id,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    amountFen: l.amountFen,
    claimedQuantity: byLine.get(l.id)?.quantity ?? 0,
    claimedFen: byLine.get(l.id)?.fen ?? 0,
  }));
}

/** A store sale recorded without lines: an order-level refund (no line carries commission then). */
export function planWithoutLines(order: OrderEntity, amountFen: number): RefundPlan {
  const left = order.paidFen - order.refundedFen;
  if (amountFen > left)
    throw AppError.unprocessable(
      'REFUND_EXCEEDS_PAID',
      `Refund of ${amountFen} fen exceeds the ${left} fen left to refund`,
    );
  return { amountFen, lines: [] };
}

/** Records the plan's lines of a refund (numbered like the order's lines). */
export async function insertRefundLines(
  em: EntityManager,
  refundId: string,
  plan: RefundPlan,
  orderLines: readonly OrderLineEntity[],
): Promise<void> {
  if (!plan.lines.length) return;
  const lineNo = new Map(orderLines.map((l) => [l.id, l.lineNo]));
  await em.insert(
    RefundLineEntity,
    plan.lines.map((p) => ({
      id: newId(),
      refundId,
      orderLineId: p.lineId,
      lineNo: lineNo.get(p.lineId) ?? 0,
      quantity: p.quantity,
      amountFen: p.amountFen,
    })),
  );
}
