import { Injectable, Logger } from '@nestjs/common';
import type { Order } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import type { Principal } from '../auth/tokens.js';
import { OrdersService } from '../orders/orders.service.js';
import { PaymentsService } from './payments.service.js';

/**
 * Cancelling and expiring unpaid online orders: the order's WeChat Pay transaction is closed first
 * (payments), so it can no longer be paid, then the order is cancelled and its stock given back
 * (orders). Composed here because only the payments module knows the transaction.
 */
@Injectable()
export class UnpaidOrders {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
  ) {}

  /**
   * Cancels an unpaid order and gives its stock back — after closing its WeChat Pay transaction, so
   * it can no longer be paid (409 ORDER_ALREADY_PAID when WeChat already took the money).
   */
  async cancel(principal: Principal, id: string): Promise<Order> {
    const order = await this.orders.get(principal, id); // 404 unknown, 403 another's
    if (order.status !== 'PENDING_PAYMENT')
      throw AppError.conflict('ORDER_NOT_CANCELLABLE', `An order in status ${order.status} cannot be cancelled`);
    await this.payments.closeTransaction(id);
    if (!(await this.orders.cancelUnpaid(id))) {
      const now = await this.orders.viewOf(id, false);
      throw AppError.conflict('ORDER_NOT_CANCELLABLE', `An order in status ${now.status} cannot be cancelled`);
    }
    return this.orders.get(principal, id);
  }

  /**
   * Cancels online orders left unpaid past their expiry, each after closing its transaction (one
   * WeChat cannot close waits for the next sweep); returns how many.
   */
  async expireUnpaid(now = new Date()): Promise<number> {
    let expired = 0;
    for (const id of await this.orders.expiredUnpaid(now)) {
      try {
        await this.payments.closeTransaction(id);
      } catch (e) {
        this.logger.warn(`Order ${id} not expired: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (await this.orders.cancelUnpaid(id)) expired++;
    }
    return expired;
  }
}
