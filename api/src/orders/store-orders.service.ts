import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Order } from '@guideshare/contracts';
import { decideStoreAttribution, resolveRateBps } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { AttributionEvidenceService } from '../attribution-evidence/attribution-evidence.service.js';
import { newId } from '../common/ids.js';
import { requestHash } from '../common/request-hash.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { Transactions } from '../database/transactions.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { MemberCodeService } from '../members/member-code.service.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { saleForAccrual, toOrder } from './order-view.js';
import { attributionColumns } from './orders.service.js';

/** A counter receipt, as recorded: the redeeming store, the member the code named, and what was sold. */
export interface StoreSale {
  storeId: string;
  receiptNo: string;
  memberId: string;
  /** The issue step of the member code redeemed (one code, one receipt). */
  memberCodeStep: number;
  amountFen: number;
  /** Itemised lines (their amounts sum to `amountFen`); absent for an amount-only receipt. */
  lines?: Array<{ skuId: string; quantity: number; amountFen: number }>;
  soldAt: Date;
  /** `storeSaleHash` of the request, to tell a retry (200) from a conflicting receipt (409). */
  requestHash: string;
}

/**
 * What makes two redemptions of one (store, receiptNo) the same: the member (not the code, which
 * changes every minute), the amounts and lines, and the sale time as sent (absent stays absent).
 */
export function storeSaleHash(input: {
  memberId: string | null;
  amountFen: number;
  lines?: StoreSale['lines'];
  soldAt?: string;
}): string {
  return requestHash({
    memberId: input.memberId,
    amountFen: input.amountFen,
    lines: input.lines?.map((l) => ({ skuId: l.skuId, quantity: l.quantity, amountFen: l.amountFen })),
    soldAt: input.soldAt === undefined ? undefined : new Date(input.soldAt).getTime(),
  });
}

/**
 * Store-channel orders (in-store sales redeemed at a counter): created PAID at the sale time,
 * attributed once by `decideStoreAttribution`, and accrued in the same transaction. Idempotent per
 * (store, receiptNo) through the `uq_orders_store_receipt` unique constraint; one member code serves one
 * receipt (the `member_code_uses` primary key).
 */
@Injectable()
export class StoreOrdersService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderLineEntity) private readonly lines: Repository<OrderLineEntity>,
    private readonly tx: Transactions,
    private readonly catalog: CatalogService,
    private readonly memberCodes: MemberCodeService,
    private readonly evidence: AttributionEvidenceService,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * The order already recorded for this receipt: returned when `hash` matches, 409
   * RECEIPT_CONFLICT when the receipt was recorded with a different body; null when there is none.
   */
  async replay(storeId: string, receiptNo: string, hash: string): Promise<Order | null> {
    const existing = await this.orders.findOneBy({ storeId, receiptNo, channel: 'store' });
    if (!existing) return null;
    if (existing.requestHash !== hash) {
      throw AppError.conflict(
        'RECEIPT_CONFLICT',
        `Receipt ${receiptNo} was already redeemed at this store with a different body`,
      );
    }
    return toOrder(existing, await this.lines.findBy({ orderId: existing.id }));
  }

  /** Whether the store has recorded this receipt (whatever its body). */
  exists(storeId: string, receiptNo: string): Promise<boolean> {
    return this.orders.existsBy({ storeId, receiptNo, channel: 'store' });
  }

  /** Records the sale; a concurrent duplicate resolves to the winner's order (or 409). */
  async create(sale: StoreSale): Promise<{ order: Order; replayed: boolean }> {
    if (sale.lines && sale.lines.reduce((sum, l) => sum + l.amountFen, 0) !== sale.amountFen) {
      throw AppError.badRequest('LINES_TOTAL_MISMATCH', 'The lines must add up to amountFen');
    }
    const { value: order, replayed } = await insertOrReplay(
      () => this.tx.run((em) => this.insert(em, sale)),
      () => this.replay(sale.storeId, sale.receiptNo, sale.requestHash),
      async () => {
        if (await this.memberCodes.isUsed(sale.memberId, sale.memberCodeStep))
          throw AppError.conflict(
            'MEMBER_CODE_USED',
            'This member code was already redeemed for a receipt; ask the customer to refresh it',
          );
      },
    );
    return { order, replayed };
  }

  private async insert(em: EntityManager, sale: StoreSale): Promise<Order> {
    const now = new Date();
    const soldAt = sale.soldAt.getTime();
    // First: a code already used for another receipt fails here, before anything else is written.
    await this.memberCodes.markUsed(em, {
      memberId: sale.memberId,
      step: sale.memberCodeStep,
      storeId: sale.storeId,
      receiptNo: sale.receiptNo,
      at: now,
    });

    // Attribution, decided once from the evidence as of the sale (touches after it never count).
    const { policy, touches, binding, guides } = await this.evidence.load(em, sale.memberId, sale.soldAt, {
      channel: 'store',
    });
    const decision = decideStoreAttribution({
      buyerMemberId: sale.memberId,
      soldAt,
      touches,
      member: binding,
      redeemingStoreId: sale.storeId,
      policy,
      guides,
    });
    const rate = (productRateBps: number | null, categoryRateBps: number | null) =>
      decision.commissionable
        ? resolveRateBps({
            rule: decision.rule,
            productRateBps,
            categoryRateBps,
            defaultRateBps: policy.defaultRateBps,
            serviceRateBps: policy.serviceRateBps,
          })
        : 0;

    const orderId = newId(now.getTime());
    let lines: OrderLineEntity[];
    if (sale.lines) {
      // Itemised: each line at its product's (else category's, else the default) rate. Store stock is
      // the store's own, so online stock is not touched.
      const skus = await this.catalog.skusForSale(em, [...new Set(sale.lines.map((l) => l.skuId))]);
      lines = sale.lines.map((l, i) => {
        const sku = skus.get(l.skuId)!;
        return {
          ...blankLine(orderId, now, i),
          skuId: sku.skuId,
          productId: sku.productId,
          quantity: l.quantity,
          // The receipt's line amount (after counter discounts) is what counts; the unit price is
          // informational, rounded down.
          unitPriceFen: Math.floor(l.amountFen / l.quantity),
          amountFen: l.amountFen,
          rateBps: rate(sku.productRateBps, sku.categoryRateBps),
        };
      });
    } else {
      // Amount-only receipt: one unitemised line at the policy's default (or service) rate.
      lines = [
        {
          ...blankLine(orderId, now, 0),
          quantity: 1,
          unitPriceFen: sale.amountFen,
          amountFen: sale.amountFen,
          rateBps: rate(null, null),
        },
      ];
    }

    const order: OrderEntity = {
      id: orderId,
      memberId: sale.memberId,
      channel: 'store',
      orderNo: null,
      status: 'PAID',
      storeId: sale.storeId,
      totalFen: sale.amountFen,
      paidFen: sale.amountFen,
      refundedFen: 0,
      idempotencyKey: null,
      requestHash: sale.requestHash,
      receiptNo: sale.receiptNo,
      liveId: null,
      ...attributionColumns(decision),
      createdAt: now,
      paidAt: sale.soldAt,
    };
    // The (storeId, receiptNo) unique constraint makes a concurrent duplicate fail here.
    await em.insert(OrderEntity, order);
    await em.insert(OrderLineEntity, lines);
    await this.ledger.accrue(em, saleForAccrual(order, lines), sale.soldAt);
    return toOrder(order, lines);
  }
}

function blankLine(orderId: string, now: Date, index: number): OrderLineEntity {
  return {
    id: newId(now.getTime()),
    orderId,
    skuId: null,
    productId: null,
    quantity: 1,
    unitPriceFen: 0,
    amountFen: 0,
    rateBps: 0,
    refundedQuantity: 0,
    refundedFen: 0,
    lineNo: index + 1,
  };
}
