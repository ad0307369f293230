import { Injectable } from '@nestjs/common';
import type { Order, OrderStatus } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { Transactions } from '../database/transactions.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import type { Principal } from '../auth/tokens.js';
import type { OrderEntity } from './order.entities.js';
import { OrdersService } from './orders.service.js';

/** Order statuses whose goods may still go out: paid and not wholly refunded. */
const HANDED_OUT_FROM: readonly OrderStatus[] = ['PAID', 'PARTIALLY_REFUNDED'];

function assertGoodsMayGo(order: OrderEntity) {
  if (order.status === 'PENDING_PAYMENT' || order.status === 'CANCELLED')
    throw AppError.conflict('ORDER_NOT_PAID', 'An unpaid order cannot be shipped or handed over');
  if (!HANDED_OUT_FROM.includes(order.status))
    throw AppError.conflict('ORDER_REFUNDED', 'A refunded order is not shipped or handed over');
}

/**
 * The order side of fulfilment: checks the order (owner, payment state) and asks the fulfilment
 * module to move, in one transaction; answers with the order as its caller may see it.
 */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    private readonly tx: Transactions,
    private readonly orders: OrdersService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  /** Ops ship a paid delivery order with its carrier and tracking number. */
  async ship(principal: Principal, orderId: string, shipment: { carrier: string; trackingNo: string }) {
    await this.tx.run(async (em) => {
      const { order } = await this.orders.requireWithLines(em, orderId);
      assertGoodsMayGo(order);
      await this.fulfilment.ship(em, orderId, shipment, new Date());
    });
    return this.orders.get(principal, orderId);
  }

  /** The buyer confirms they received a shipped order. */
  async confirmReceipt(principal: Principal, orderId: string): Promise<Order> {
    await this.tx.run(async (em) => {
      const { order } = await this.orders.requireWithLines(em, orderId);
      if (order.memberId !== principal.sub) throw AppError.forbidden('This is not your order', 'NOT_YOUR_ORDER');
      await this.fulfilment.confirmReceipt(em, orderId, new Date());
    });
    return this.orders.get(principal, orderId);
  }

  /**
   * A store counter hands a paid pickup order over by the buyer's pickup code: only the store the
   * buyer chose; a repeat answers with the same order (`replayed`).
   */
  async handOver(storeId: string, pickupCode: string): Promise<{ order: Order; replayed: boolean }> {
    const { orderId, replayed } = await this.tx.run(async (em) => {
      const f = await this.fulfilment.requireByPickupCode(em, pickupCode);
      const { order } = await this.orders.requireWithLines(em, f.orderId);
      if (f.storeId === storeId && f.status === 'FULFILLED') return { orderId: f.orderId, replayed: true };
      assertGoodsMayGo(order);
      const moved = await this.fulfilment.handOver(em, f, storeId, new Date());
      return { orderId: f.orderId, replayed: !moved };
    });
    return { order: await this.orders.viewOf(orderId, false), replayed };
  }
}
