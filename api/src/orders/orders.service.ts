import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { Order, OrderStatus } from '@guideshare/contracts';
import type { AttributionDecision } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { withinRange } from '../common/range-query.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { forUpdate } from '../database/row-lock.js';
import { Transactions } from '../database/transactions.js';
import type { Principal } from '../auth/tokens.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { applyRefundToOrder, type RefundApplied } from './order-refunds.js';
import { transitionOrder } from './order-transition.js';
import type { SaleForAccrual } from '../ledger/ledger.service.js';
import { saleForAccrual, toOrder } from './order-view.js';
import { ListOrdersQuery } from './orders.dto.js';

const HOUR = 3_600_000;
/** Unpaid online orders give their stock back after this long (the prepay's time_expire matches). */
export const UNPAID_ORDER_TTL_MS = 2 * HOUR;

/** An order and its lines as other modules see them: read-only, changed only through the intentions below. */
export interface OrderWithLines {
  readonly order: Readonly<OrderEntity>;
  readonly lines: ReadonlyArray<Readonly<OrderLineEntity>>;
}

/** What `markPaid` made of a payment. */
export type PaidOutcome = 'PAID' | 'STOCK_GONE' | 'NOT_PAYABLE';

@Injectable()
export class OrdersService {
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

  /** A state-machine transition as a conditional update; false when another event won. */
  private transition(em: EntityManager, id: string, to: OrderStatus, changes: Partial<OrderEntity> = {}) {
    return transitionOrder(em, id, to, changes);
  }

  /**
   * Online orders left unpaid past their expiry (at most 500), for the payments module to close
   * their WeChat Pay transactions and then `cancelUnpaid` them.
   */
  async expiredUnpaid(now = new Date()): Promise<string[]> {
    const stale = await this.orders.find({
      select: { id: true },
      where: {
        status: 'PENDING_PAYMENT',
        channel: 'online',
        createdAt: LessThanOrEqual(new Date(now.getTime() - UNPAID_ORDER_TTL_MS)),
      },
      take: 500,
    });
    return stale.map((o) => o.id);
  }

  /**
   * PENDING_PAYMENT → CANCELLED and the stock back, in one transaction; false when another event
   * moved the order first. The caller (payments: cancel and expiry) has closed the order's WeChat
   * Pay transaction first, so it can no longer be paid.
   */
  async cancelUnpaid(id: string): Promise<boolean> {
    return this.tx.run((em) => this.cancelUnpaidIn(em, id));
  }

  private async cancelUnpaidIn(em: EntityManager, id: string): Promise<boolean> {
    if (!(await this.transition(em, id, 'CANCELLED'))) return false;
    for (const line of await em.getRepository(OrderLineEntity).findBy({ orderId: id }))
      if (line.skuId) await this.catalog.releaseStock(em, line.skuId, line.quantity);
    return true;
  }

  /**
   * Records a payment on the order (inside the payment's transaction; the WeChat Pay facts — the
   * transaction id and its success time — are the payments module's). An unpaid order
   * becomes PAID. A cancelled one (its payment arrived late) becomes PAID only if its stock can be
   * taken again — conditional decrements, never below zero; otherwise it stays CANCELLED with the
   * payment recorded (`STOCK_GONE`), for the caller to refund in full.
   */
  async markPaid(
    em: EntityManager,
    { order, lines }: OrderWithLines,
    payment: { paidFen: number; paidAt: Date },
  ): Promise<PaidOutcome> {
    if (order.status === 'CANCELLED' && !(await this.retakeStock(em, lines))) {
      const recorded = await em
        .getRepository(OrderEntity)
        .update({ id: order.id, status: 'CANCELLED', paidAt: IsNull() }, payment);
      return recorded.affected ? 'STOCK_GONE' : 'NOT_PAYABLE';
    }
    return (await this.transition(em, order.id, 'PAID', payment)) ? 'PAID' : 'NOT_PAYABLE';
  }

  /** Takes a cancelled order's units again, all or none (a stable SKU order avoids deadlocks). */
  private async retakeStock(em: EntityManager, lines: readonly OrderLineEntity[]): Promise<boolean> {
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

  // ---- for refunds and finance ----

  /**
   * The order and its lines with the order row locked (`SELECT … FOR UPDATE` on MySQL) until the
   * transaction ends: every refund of an order is planned and applied under this lock, so two
   * refunds can neither over-refund nor compute a reversal from the same `refundedFen`. (sql.js
   * serializes transactions and has no row locks.)
   */
  async lockWithLines(em: EntityManager, id: string): Promise<OrderWithLines> {
    const order = await em.getRepository(OrderEntity).findOne({ where: { id }, ...forUpdate(em) });
    if (!order) throw AppError.notFound('ORDER_NOT_FOUND', `No order ${id}`);
    const lines = await em.getRepository(OrderLineEntity).find({ where: { orderId: id }, order: { lineNo: 'ASC' } });
    return { order, lines };
  }

  /** A counter sale by its receipt at the redeeming store, or null. */
  async findStoreOrder(em: EntityManager, storeId: string, receiptNo: string): Promise<OrderEntity | null> {
    return em.getRepository(OrderEntity).findOneBy({ storeId, receiptNo, channel: 'store' });
  }

  /** Applies a successful refund to the order and its lines (caller holds `lockWithLines`); see order-refunds.ts. */
  async applyRefund(em: EntityManager, orderId: string, refund: RefundApplied): Promise<OrderStatus> {
    return applyRefundToOrder(em, orderId, refund);
  }

  /** The statuses of these orders (reconciliation names an unpaid order a bill lists as paid). */
  async statusesOf(ids: string[]): Promise<Map<string, OrderStatus>> {
    if (!ids.length) return new Map();
    const rows = await this.orders.find({ select: { id: true, status: true }, where: { id: In(ids) } });
    return new Map(rows.map((o) => [o.id, o.status]));
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
