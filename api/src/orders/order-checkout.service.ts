import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { FulfilmentRequest, Order } from '@guideshare/contracts';
import { decideOnlineAttribution, resolveRateBps } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { AttributionEvidenceService } from '../attribution-evidence/attribution-evidence.service.js';
import { newId } from '../common/ids.js';
import { requestHash } from '../common/request-hash.js';
import { withUniqueCode } from '../common/unique-code.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { fulfilmentRequestOf } from '../fulfilment/fulfilment.dto.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { toFulfilment } from '../fulfilment/fulfilment-view.js';
import { SharesService } from '../shares/shares.service.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { newOrderNo } from './order-no.js';
import { toOrder } from './order-view.js';
import { CreateOrderDto } from './orders.dto.js';
import { attributionColumns, OrdersService } from './orders.service.js';

/** Checkout: a consumer's new online order, with its attribution, stock, order number and fulfilment. */
@Injectable()
export class OrderCheckoutService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly views: OrdersService,
    private readonly catalog: CatalogService,
    private readonly shares: SharesService,
    private readonly evidence: AttributionEvidenceService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  /**
   * Creates an online order: reserves stock, decides attribution once and freezes it with the rate
   * of each line. A retry with the same Idempotency-Key and body returns the first order; the
   * (member, key) unique constraint settles concurrent retries.
   */
  async create(
    memberId: string,
    idempotencyKey: string,
    input: CreateOrderDto,
  ): Promise<{ order: Order; replayed: boolean }> {
    const hash = requestHash({
      lines: input.lines,
      shareCode: input.shareCode,
      liveId: input.liveId,
      fulfilment: input.fulfilment,
    });
    const previous = await this.replay(memberId, idempotencyKey, hash);
    if (previous) return { order: previous, replayed: true };
    // Reject a forged code or an unknown pickup store before opening a transaction: an error writes nothing.
    if (input.shareCode !== undefined) await this.shares.resolve(this.tx.outside, input.shareCode);
    const fulfilment = input.fulfilment ? fulfilmentRequestOf(input.fulfilment) : null;
    if (fulfilment) await this.fulfilment.validate(fulfilment);
    const { value: order, replayed } = await insertOrReplay(
      () => this.tx.run((em) => this.insertOrder(em, memberId, idempotencyKey, hash, input, fulfilment)),
      () => this.replay(memberId, idempotencyKey, hash),
    );
    return { order, replayed };
  }

  private async replay(memberId: string, idempotencyKey: string, hash: string): Promise<Order | null> {
    const existing = await this.orders.findOneBy({ memberId, idempotencyKey });
    if (!existing) return null;
    if (existing.requestHash !== hash) {
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    }
    const [order] = await this.views.withViews([existing], true);
    return order;
  }

  private async insertOrder(
    em: EntityManager,
    memberId: string,
    idempotencyKey: string,
    hash: string,
    input: CreateOrderDto,
    fulfilmentRequest: FulfilmentRequest | null,
  ) {
    const now = new Date();
    const quantities = new Map<string, number>();
    for (const line of input.lines) quantities.set(line.skuId, (quantities.get(line.skuId) ?? 0) + line.quantity);
    const skus = await this.catalog.skusForSale(em, [...quantities.keys()], { onSaleOnly: true });
    // A stable lock order (by SKU id) keeps two multi-line orders from deadlocking each other.
    for (const skuId of [...quantities.keys()].sort())
      await this.catalog.reserveStock(em, skuId, quantities.get(skuId)!);

    if (input.shareCode) await this.shares.touchFromOrder(em, memberId, input.shareCode, now);
    const decision = await this.decide(em, memberId, now, input.liveId ?? null);

    const orderId = newId(now.getTime());
    const lines: OrderLineEntity[] = input.lines.map((line, i) => {
      const sku = skus.get(line.skuId)!;
      const amountFen = sku.priceFen * line.quantity;
      return {
        id: newId(now.getTime()),
        orderId,
        skuId: sku.skuId,
        productId: sku.productId,
        quantity: line.quantity,
        unitPriceFen: sku.priceFen,
        amountFen,
        rateBps: decision.commissionable
          ? resolveRateBps({
              rule: decision.rule,
              productRateBps: sku.productRateBps,
              categoryRateBps: sku.categoryRateBps,
              ...decision.rates,
            })
          : 0,
        refundedQuantity: 0,
        refundedFen: 0,
        lineNo: i + 1,
      };
    });
    const order: OrderEntity = {
      id: orderId,
      memberId,
      channel: 'online',
      orderNo: null,
      status: 'PENDING_PAYMENT',
      storeId: decision.storeId,
      totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
      paidFen: 0,
      refundedFen: 0,
      idempotencyKey,
      requestHash: hash,
      receiptNo: null,
      liveId: input.liveId ?? null,
      ...attributionColumns(decision),
      createdAt: now,
      paidAt: null,
    };
    await withUniqueCode(
      () => newOrderNo(now, this.config.businessTz),
      { index: 'uq_orders_order_no', column: 'orderNo' },
      (orderNo) => em.insert(OrderEntity, { ...order, orderNo }).then(() => (order.orderNo = orderNo)),
    );
    await em.insert(OrderLineEntity, lines);
    const fulfilment = fulfilmentRequest
      ? await this.fulfilment.open(em, { id: orderId, memberId, at: now }, fulfilmentRequest)
      : null;
    return toOrder(order, lines, fulfilment && toFulfilment(fulfilment, true));
  }

  /** Loads the evidence and asks the pure rules. */
  private async decide(em: EntityManager, memberId: string, at: Date, liveId: string | null) {
    const { policy, live, touches, binding, guides } = await this.evidence.load(em, memberId, at, {
      channel: 'online',
      liveId,
    });
    const decision = decideOnlineAttribution({
      buyerMemberId: memberId,
      orderAt: at.getTime(),
      touches,
      member: binding,
      live,
      policy,
      guides,
    });
    return { ...decision, rates: { defaultRateBps: policy.defaultRateBps, serviceRateBps: policy.serviceRateBps } };
  }
}
