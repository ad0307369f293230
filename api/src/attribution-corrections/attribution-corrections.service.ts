import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { AttributionCorrection, Order } from '@guideshare/contracts';
import { resolveRateBps } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { CreditTransferService } from '../ledger/credit-transfer.service.js';
import { OrderAttributionService } from '../orders/order-attribution.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { AttributionCorrectionEntity } from './attribution-correction.entity.js';

type CorrectionView = AttributionCorrection;

const view = (c: AttributionCorrectionEntity): CorrectionView => ({
  id: c.id,
  orderId: c.orderId,
  seq: c.seq,
  from: { guideId: c.fromGuideId, storeId: c.fromStoreId, rule: c.fromRule },
  to: { guideId: c.toGuideId, storeId: c.toStoreId },
  actorId: c.actorId,
  claimId: c.claimId,
  reason: c.reason,
  createdAt: c.createdAt.toISOString(),
});

/**
 * Attribution corrections (docs/DOMAIN.md "Attribution policy options"): an admin moves an order's credit to
 * another guide with a reason. Under the order's row lock: the order is re-attributed (rule `manual`,
 * the previous guide kept as `creditedInsteadOf`), the history row is appended, and the ledger moves
 * the credit at the order's frozen rates (`creditTransferFen`). A line nobody earned on (the order was
 * credited to a store, to nobody, or to a denied self-referral) gets the rate a share would have had
 * under the order's policy version. Correcting to the guide already credited changes nothing.
 */
@Injectable()
export class AttributionCorrectionsService {
  constructor(
    @InjectRepository(AttributionCorrectionEntity)
    private readonly corrections: Repository<AttributionCorrectionEntity>,
    private readonly tx: Transactions,
    private readonly orders: OrdersService,
    private readonly orderAttribution: OrderAttributionService,
    private readonly guides: GuidesService,
    private readonly policy: PolicyService,
    private readonly catalog: CatalogService,
    private readonly credit: CreditTransferService,
  ) {}

  async correct(orderId: string, input: { guideId: string; reason: string }, actorId: string): Promise<Order> {
    await this.tx.run((em) => this.correctWithin(em, orderId, input, actorId, null));
    return this.orders.get({ sub: actorId, role: 'admin' }, orderId);
  }

  /** Inside the caller's transaction (a claim's approval). */
  async correctWithin(
    em: EntityManager,
    orderId: string,
    input: { guideId: string; reason: string },
    actorId: string,
    claimId: string | null,
  ): Promise<void> {
    const { order, lines } = await this.orders.lockWithLines(em, orderId);
    if (order.status === 'CANCELLED')
      throw AppError.conflict('ORDER_NOT_CORRECTABLE', 'A cancelled order earns nobody anything');
    if (order.attrGuideId === input.guideId && order.attrCommissionable) return;
    const guide = await this.guides.require(em, input.guideId);
    if (guide.status !== 'active')
      throw AppError.unprocessable('GUIDE_DEPARTED', 'A departed guide cannot be credited');
    const policy = await this.policy.byVersion(em, order.attrPolicyVersion);
    const selfReferral = guide.memberId !== null && guide.memberId === order.memberId;
    if (selfReferral && policy.selfReferral === 'deny')
      throw AppError.unprocessable('SELF_REFERRAL_DENIED', 'A guide earns nothing on their own purchase');

    const unrated = lines.filter((l) => l.rateBps === 0);
    const skus = await this.catalog.skusForSale(em, [...new Set(unrated.flatMap((l) => (l.skuId ? [l.skuId] : [])))]);
    const lineRates = new Map<string, number>();
    for (const line of unrated) {
      const sku = line.skuId ? skus.get(line.skuId) : undefined;
      lineRates.set(
        line.id,
        resolveRateBps({
          rule: 'manual',
          productRateBps: sku?.productRateBps ?? null,
          categoryRateBps: sku?.categoryRateBps ?? null,
          defaultRateBps: policy.defaultRateBps,
          serviceRateBps: policy.serviceRateBps,
        }),
      );
    }

    const at = new Date();
    const seq = (await em.getRepository(AttributionCorrectionEntity).countBy({ orderId })) + 1;
    await em.insert(AttributionCorrectionEntity, {
      id: newId(at.getTime()),
      orderId,
      seq,
      fromGuideId: order.attrGuideId,
      fromStoreId: order.attrStoreId,
      fromRule: order.attrRule,
      toGuideId: guide.id,
      toStoreId: guide.storeId,
      actorId,
      claimId,
      reason: input.reason,
      createdAt: at,
    });
    await this.orderAttribution.reattribute(em, order, {
      guideId: guide.id,
      storeId: guide.storeId,
      selfReferral,
      insteadOf: order.attrGuideId ? { guideId: order.attrGuideId, rule: order.attrRule } : null,
      lineRates,
    });
    // An unpaid order accrues when paid, from its (now corrected) attribution.
    if (order.paidAt === null || order.status === 'PENDING_PAYMENT') return;
    await this.credit.transfer(
      em,
      {
        orderId,
        key: `${orderId}:${seq}`,
        to: { guideId: guide.id, storeId: guide.storeId },
        paidAt: order.paidAt,
        policyVersion: order.attrPolicyVersion,
        lines: lines.map((l) => ({
          id: l.id,
          amountFen: l.amountFen,
          refundedFen: l.refundedFen,
          toRateBps: lineRates.get(l.id) ?? l.rateBps,
        })),
        reason: `attribution correction ${seq}`,
      },
      at,
    );
  }

  async history(orderId: string): Promise<CorrectionView[]> {
    return (await this.corrections.find({ where: { orderId }, order: { seq: 'ASC' } })).map(view);
  }
}
