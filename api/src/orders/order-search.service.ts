import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Raw, Repository } from 'typeorm';
import type { OrderLedger, OrderPage } from '@guideshare/contracts';
import type { Principal } from '../auth/tokens.js';
import { withinRange } from '../common/range-query.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { OrderEntity } from './order.entities.js';
import type { OrderSearchQuery } from './order-search.dto.js';
import { OrdersService } from './orders.service.js';

const DEFAULT_PAGE_SIZE = 20;

/** Orders as the console searches them (admin, finance; a clerk only its own store's) and their ledger. */
@Injectable()
export class OrderSearchService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    private readonly views: OrdersService,
    private readonly ledger: LedgerService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  async search(principal: Principal, query: OrderSearchQuery): Promise<OrderPage> {
    const where: FindOptionsWhere<OrderEntity> = {};
    if (query.status) where.status = query.status;
    if (query.channel) where.channel = query.channel;
    if (query.storeId) where.storeId = query.storeId;
    if (query.guideId) where.attrGuideId = query.guideId;
    if (query.memberId) where.memberId = query.memberId;
    if (query.receiptNo) where.receiptNo = query.receiptNo;
    if (query.orderNo) where.orderNo = query.orderNo;
    if (query.fulfilmentType || query.fulfilmentStatus) {
      const sub = this.fulfilment.orderIdsQuery({ type: query.fulfilmentType, status: query.fulfilmentStatus });
      where.id = Raw((id) => `${id} IN (${sub.sql})`, sub.parameters);
    }
    if (principal.role === 'clerk') where.storeId = principal.storeId; // a clerk sees its own store only
    const createdAt = withinRange(query);
    if (createdAt) where.createdAt = createdAt;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.orders.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.views.withViews(rows, false), total, page, pageSize };
  }

  /** Every ledger entry of the order (accruals, reversals, adjustments), oldest first, and their sum. */
  async ledgerOf(orderId: string): Promise<OrderLedger> {
    await this.views.viewOf(orderId, false); // 404 for an unknown order
    const entries = (await this.ledger.forOrder(orderId)).map((e) => ({
      id: e.id,
      guideId: e.guideId,
      storeId: e.storeId,
      orderId: e.orderId,
      orderLineId: e.orderLineId,
      kind: e.kind,
      amountFen: e.amountFen,
      rateBps: e.rateBps,
      baseFen: e.baseFen,
      availableAt: e.availableAt.toISOString(),
      settlementId: e.settlementId,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    }));
    return { orderId, entries, netFen: entries.reduce((sum, e) => sum + e.amountFen, 0) };
  }
}
