import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Order, OrderStatus } from '@guideshare/contracts';
import type { AttributionDecision } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { withinRange } from '../common/range-query.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { Transactions } from '../database/transactions.js';
import type { Principal } from '../auth/tokens.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { sourcesOf, statusAfterRefund } from './order-state.js';
import type { SaleForAccrual } from '../ledger/ledger.service.js';
import { saleForAccrual, toOrder } from './order-view.js';
import { ListOrdersQuery } from './orders.dto.js';

const HOUR = 3_600_000;
/** Unpaid online orders give their stock back after this long (the prepay's time_expire matches). */
export const UNPAID_ORDER_TTL_MS = 2 * HOUR;

export interface OrderWithLines {
  order: OrderEntity;
  lines: OrderLineEntity[];
}

/** Closes an unpaid order's payment transaction so it can no longer be paid (the payments module's). */
export type TransactionCloser = (order: OrderEntity) => Promise<void>;

/** What `markPaid` made of a payment. */
export type PaidOutcome = 'PAID' | 'STOCK_GONE' | 'NOT_PAYABLE';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger('Orders');
  private closeTransaction: TransactionCloser = async () => undefined;

  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderLineEntity) private readonly lines: Repository<OrderLineEntity>,
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  async get(principal: Principal, id: string): Promise<Order> {
    const order = await this.orders.findOneBy({ id });
    if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${id}`);
    if (principal.role === 'consumer' && order.memberId !== principal.sub)
      throw AppError.forbidden('This is not your order', 'NOT_YOUR_ORDER');
    if (principal.role === 'clerk' && order.storeId !== principal.storeId)
      throw AppError.forbidden("This is not your store's order", 'NOT_YOUR_STORE');
    const [view] = await this.withViews([order], principal.role === 'consumer');
    return view;
  }

  async list(principal: Principal, query: ListOrdersQuery): Promise<Order[]> {
    const where: FindOptionsWhere<OrderEntity> = {};
    if (principal.role === 'consumer') where.memberId = principal.sub;
    if (principal.role === 'guide') where.attrGuideId = principal.sub;
    if (query.status) where.status = query.status;
    if (query.channel) where.channel = query.channel;
    if (query.guideId && principal.role !== 'guide') where.attrGuideId = query.guideId;
    if (query.storeId) where.storeId = query.storeId;
    if (principal.role === 'clerk') where.storeId = principal.storeId; // a clerk sees its own store only
    const createdAt = withinRange(query);
    if (createdAt) where.createdAt = createdAt;
    const orders = await this.orders.find({ where, order: { createdAt: 'DESC' }, take: query.limit ?? 50 });
    return this.withViews(orders, principal.role === 'consumer');
  }

  /** Every order of a member, newest first, as the member sees them (their data export). */
  async allOfMember(memberId: string): Promise<Order[]> {
    return this.withViews(await this.orders.find({ where: { memberId }, order: { createdAt: 'DESC' } }), true);
  }

  /** The ids of a member's orders (account deletion). */
  async idsOfMember(em: EntityManager, memberId: string): Promise<string[]> {
    const rows = await em.getRepository(OrderEntity).find({ select: { id: true }, where: { memberId } });
    return rows.map((r) => r.id);
  }

  /** One order as staff (or, with `buyersView`, its buyer) see it. */
  async viewOf(id: string, buyersView: boolean): Promise<Order> {
    const order = await this.orders.findOneBy({ id });
    if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${id}`);
    const [view] = await this.withViews([order], buyersView);
    return view;
  }

  /** Orders with their lines and fulfilment; the pickup code only in the buyer's own view. */
  async withViews(orders: OrderEntity[], buyersView: boolean): Promise<Order[]> {
    if (!orders.length) return [];
    const ids = orders.map((o) => o.id);
    const [lines, fulfilments] = await Promise.all([
      this.lines.findBy({ orderId: In(ids) }),
      this.fulfilment.viewsOf(ids, buyersView),
    ]);
    return orders.map((o) =>
      toOrder(
        o,
        lines.filter((l) => l.orderId === o.id),
        fulfilments.get(o.id) ?? null,
      ),
    );
  }

  // ---- used by payments, refunds and the counter, inside their transactions ----

  /** What the ledger accrues when this order is paid. */
  accrualOf({ order, lines }: OrderWithLines): SaleForAccrual {
    return saleForAccrual(order, lines);
  }

  async requireWithLines(em: EntityManager, id: string): Promise<OrderWithLines> {
    const order = await em.getRepository(OrderEntity).findOneBy({ id });
    if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${id}`);
    return { order, lines: await em.getRepository(OrderLineEntity).findBy({ orderId: id }) };
  }

  /** Applies a state-machine transition as a conditional update; false when another event won. */
  async transition(
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

  /** Remembers the prepay of a still unpaid order; false when the order was cancelled meanwhile. */
  async setPrepayId(id: string, prepayId: string): Promise<boolean> {
    const result = await this.orders.update({ id, status: 'PENDING_PAYMENT' }, { prepayId });
    return (result.affected ?? 0) > 0;
  }

  /** The payments module registers how an order's WeChat Pay transaction is closed. */
  closeTransactionsWith(closer: TransactionCloser): void {
    this.closeTransaction = closer;
  }

  /**
   * Cancels an unpaid order and gives its stock back — after closing its WeChat Pay transaction, so
   * it can no longer be paid (409 ORDER_ALREADY_PAID when WeChat already took the money).
   */
  async cancel(principal: Principal, id: string): Promise<Order> {
    const order = await this.orders.findOneBy({ id });
    if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${id}`);
    if (principal.role === 'consumer' && order.memberId !== principal.sub)
      throw AppError.forbidden('This is not your order', 'NOT_YOUR_ORDER');
    if (order.status !== 'PENDING_PAYMENT')
      throw AppError.conflict('ORDER_NOT_CANCELLABLE', `An order in status ${order.status} cannot be cancelled`);
    await this.closeTransaction(order);
    if (!(await this.tx.run((em) => this.cancelUnpaid(em, id)))) {
      const now = await this.orders.findOneBy({ id });
      throw AppError.conflict('ORDER_NOT_CANCELLABLE', `An order in status ${now?.status} cannot be cancelled`);
    }
    return this.get(principal, id);
  }

  /**
   * Cancels online orders left unpaid past their expiry, each after closing its transaction (one
   * WeChat cannot close waits for the next sweep); returns how many.
   */
  async expireUnpaid(now = new Date()): Promise<number> {
    const stale = await this.orders.find({
      where: {
        status: 'PENDING_PAYMENT',
        channel: 'online',
        createdAt: LessThanOrEqual(new Date(now.getTime() - UNPAID_ORDER_TTL_MS)),
      },
      take: 500,
    });
    let expired = 0;
    for (const order of stale) {
      try {
        await this.closeTransaction(order);
      } catch (e) {
        this.logger.warn(`Order ${order.id} not expired: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (await this.tx.run((em) => this.cancelUnpaid(em, order.id))) expired++;
    }
    return expired;
  }

  /** PENDING_PAYMENT → CANCELLED and the stock back; false when another event moved the order first. */
  private async cancelUnpaid(em: EntityManager, id: string): Promise<boolean> {
    if (!(await this.transition(em, id, 'CANCELLED'))) return false;
    for (const line of await em.getRepository(OrderLineEntity).findBy({ orderId: id }))
      if (line.skuId) await this.catalog.releaseStock(em, line.skuId, line.quantity);
    return true;
  }

  /**
   * Records a WeChat Pay payment on the order (inside the payment's transaction). An unpaid order
   * becomes PAID. A cancelled one (its payment arrived late) becomes PAID only if its stock can be
   * taken again — conditional decrements, never below zero; otherwise it stays CANCELLED with the
   * payment recorded (`STOCK_GONE`), for the caller to refund in full.
   */
  async markPaid(
    em: EntityManager,
    { order, lines }: OrderWithLines,
    payment: { paidFen: number; paidAt: Date; transactionId: string },
  ): Promise<PaidOutcome> {
    if (order.status === 'CANCELLED' && !(await this.retakeStock(em, lines))) {
      const recorded = await em
        .getRepository(OrderEntity)
        .update({ id: order.id, status: 'CANCELLED', transactionId: IsNull() }, payment);
      return recorded.affected ? 'STOCK_GONE' : 'NOT_PAYABLE';
    }
    return (await this.transition(em, order.id, 'PAID', payment)) ? 'PAID' : 'NOT_PAYABLE';
  }

  /** Takes a cancelled order's units again, all or none (a stable SKU order avoids deadlocks). */
  private async retakeStock(em: EntityManager, lines: OrderLineEntity[]): Promise<boolean> {
    const quantities = new Map<string, number>();
    for (const l of lines) if (l.skuId) quantities.set(l.skuId, (quantities.get(l.skuId) ?? 0) + l.quantity);
    const taken: Array<[string, number]> = [];
    for (const [skuId, quantity] of [...quantities].sort(([a], [b]) => a.localeCompare(b))) {
      try {
        await this.catalog.reserveStock(em, skuId, quantity);
        taken.push([skuId, quantity]);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'OUT_OF_STOCK') throw e;
        for (const [id, q] of taken) await this.catalog.releaseStock(em, id, q);
        return false;
      }
    }
    return true;
  }

  // ---- appended for refunds and finance (issue 4) ----

  /**
   * The order and its lines with the order row locked (`SELECT … FOR UPDATE` on MySQL) until the
   * transaction ends: every refund of an order is planned and applied under this lock, so two
   * refunds can neither over-refund nor compute a reversal from the same `refundedFen`. (sql.js
   * serializes transactions and has no row locks.)
   */
  async lockWithLines(em: EntityManager, id: string): Promise<OrderWithLines> {
    const mysql = em.connection.options.type !== 'sqljs';
    const order = await em
      .getRepository(OrderEntity)
      .findOne({ where: { id }, ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${id}`);
    const lines = await em.getRepository(OrderLineEntity).find({ where: { orderId: id }, order: { lineNo: 'ASC' } });
    return { order, lines };
  }

  /** A counter sale by its receipt at the redeeming store, or null. */
  async findStoreOrder(em: EntityManager, storeId: string, receiptNo: string): Promise<OrderEntity | null> {
    return em.getRepository(OrderEntity).findOneBy({ storeId, receiptNo, channel: 'store' });
  }

  /**
   * Records a successful refund on the order (caller holds `lockWithLines`): adds each line's refunded
   * quantity and amount, adds to the order's `refundedFen` and moves it to PARTIALLY_REFUNDED or
   * REFUNDED by what is left. Never refunds a line or the order past what was paid.
   */
  async recordRefund(
    em: EntityManager,
    orderId: string,
    refund: { amountFen: number; lines: Array<{ lineId: string; quantity: number; amountFen: number }> },
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
    if (!(await this.transition(em, orderId, status, { refundedFen })))
      throw AppError.conflict(
        'ORDER_NOT_REFUNDABLE',
        `Order ${orderId} in status ${order.status} cannot take this refund`,
      );
    return status;
  }

  /** Online orders paid (WeChat Pay success time) in [from, to): what the day's trade bill should list. */
  async paidOnlineBetween(from: Date, to: Date): Promise<OrderEntity[]> {
    return this.orders
      .createQueryBuilder('o')
      .where('o.channel = :channel', { channel: 'online' })
      .andWhere('o.transactionId IS NOT NULL')
      .andWhere('o.paidAt >= :from AND o.paidAt < :to', { from, to })
      .orderBy('o.paidAt', 'ASC')
      .getMany();
  }

  /** Orders by WeChat Pay transaction id or by id (out_trade_no), for reconciliation. */
  async findByTransactionOrId(transactionIds: string[], ids: string[]): Promise<OrderEntity[]> {
    const where: FindOptionsWhere<OrderEntity>[] = [];
    if (transactionIds.length) where.push({ transactionId: In(transactionIds) });
    if (ids.length) where.push({ id: In(ids) });
    return where.length ? this.orders.find({ where }) : [];
  }
}

export function attributionColumns(d: AttributionDecision) {
  return {
    attrRule: d.rule,
    attrGuideId: d.guideId,
    attrStoreId: d.storeId,
    attrShareCode: d.shareCode,
    attrTouchedAt: d.touchedAt === null ? null : new Date(d.touchedAt),
    attrPolicyVersion: d.policyVersion,
    attrCommissionable: d.commissionable,
    attrSelfReferral: d.selfReferral,
    attrInsteadGuideId: d.creditedInsteadOf?.guideId ?? null,
    attrInsteadRule: d.creditedInsteadOf?.rule ?? null,
  };
}
