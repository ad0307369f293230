import { EntityManager, In } from 'typeorm';
import type { OrderStatus } from '@guideshare/contracts';
import { OrderEntity } from './order.entities.js';
import { sourcesOf } from './order-state.js';

/**
 * Applies a state-machine transition as a conditional update; false when another event won.
 * Internal to the orders module: other modules move an order through `OrdersService`'s intentions
 * (`markPaid`, `cancelUnpaid`, `applyRefund`, …), never by writing its columns.
 */
export async function transitionOrder(
  em: EntityManager,
  id: string,
  to: OrderStatus,
  changes: Partial<OrderEntity> = {},
): Promise<boolean> {
  const result = await em
    .getRepository(OrderEntity)
    .update({ id, status: In(sourcesOf(to)) }, { ...changes, status: to });
  return (result.affected ?? 0) > 0;
}
