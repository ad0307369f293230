import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { AttributionClaim } from '@guideshare/contracts';
import { AttributionCorrectionsService } from '../attribution-corrections/attribution-corrections.service.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { claimSourcesOf, ClaimEntity, type ClaimStatus } from './claim.entity.js';
import { CreateClaimDto } from './claims.dto.js';

type ClaimView = AttributionClaim;

const view = (c: ClaimEntity): ClaimView => ({
  id: c.id,
  guideId: c.guideId,
  storeId: c.storeId,
  receiptNo: c.receiptNo,
  orderId: c.orderId,
  reason: c.reason,
  status: c.status,
  decisionReason: c.decisionReason,
  createdAt: c.createdAt.toISOString(),
  decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
});

/**
 * Claims (补录): a guide claims a counter sale of their own store that nobody was credited for; ops
 * approve (the attribution correction runs, in the same transaction) or reject.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectRepository(ClaimEntity) private readonly claims: Repository<ClaimEntity>,
    private readonly tx: Transactions,
    private readonly guides: GuidesService,
    private readonly orders: OrdersService,
    private readonly corrections: AttributionCorrectionsService,
  ) {}

  async create(guideId: string, input: CreateClaimDto): Promise<ClaimView> {
    const guide = await this.guides.require(this.tx.outside, guideId);
    // A guide claims for their own store only: it is where they sell.
    if (guide.storeId !== input.storeId)
      throw AppError.forbidden('A guide can only claim sales of their own store', 'CLAIM_STORE_FORBIDDEN');
    return this.tx.run(async (em) => {
      const order = await this.orders.findStoreOrder(em, input.storeId, input.receiptNo);
      if (!order) throw AppError.notFound('RECEIPT_NOT_FOUND', `No receipt ${input.receiptNo} at this store`);
      requireUncredited(order.attrGuideId);
      const claim: ClaimEntity = {
        id: newId(),
        guideId,
        storeId: input.storeId,
        receiptNo: input.receiptNo,
        orderId: order.id,
        reason: input.reason,
        status: 'REQUESTED',
        decidedBy: null,
        decisionReason: null,
        createdAt: new Date(),
        decidedAt: null,
      };
      try {
        await em.insert(ClaimEntity, claim);
      } catch (e) {
        if (isDuplicateKey(e)) throw AppError.conflict('CLAIM_EXISTS', 'You have already claimed this receipt');
        throw e;
      }
      return view(claim);
    });
  }

  async mine(guideId: string): Promise<ClaimView[]> {
    return (await this.claims.find({ where: { guideId }, order: { createdAt: 'DESC' }, take: 100 })).map(view);
  }

  async list(status?: ClaimStatus): Promise<ClaimView[]> {
    const rows = await this.claims.find({
      where: status ? { status } : {},
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(view);
  }

  async approve(adminId: string, id: string): Promise<ClaimView> {
    await this.tx.run(async (em) => {
      const claim = await this.decide(em, id, 'APPROVED', adminId, null);
      const { order } = await this.orders.lockWithLines(em, claim.orderId);
      requireUncredited(order.attrGuideId);
      await this.corrections.correctWithin(
        em,
        claim.orderId,
        { guideId: claim.guideId, reason: `补录 ${claim.receiptNo}: ${claim.reason}`.slice(0, 200) },
        adminId,
        claim.id,
      );
    });
    return view(await this.require(id));
  }

  async reject(adminId: string, id: string, reason: string): Promise<ClaimView> {
    await this.tx.run((em) => this.decide(em, id, 'REJECTED', adminId, reason));
    return view(await this.require(id));
  }

  private async decide(em: EntityManager, id: string, to: ClaimStatus, adminId: string, reason: string | null) {
    const claim = await em.getRepository(ClaimEntity).findOneBy({ id });
    if (!claim) throw AppError.notFound('CLAIM_NOT_FOUND', `No claim ${id}`);
    const moved = await em
      .getRepository(ClaimEntity)
      .update(
        { id, status: In(claimSourcesOf(to)) },
        { status: to, decidedBy: adminId, decisionReason: reason, decidedAt: new Date() },
      );
    if (!moved.affected) throw AppError.conflict('CLAIM_DECIDED', `This claim is already ${claim.status}`);
    return claim;
  }

  private async require(id: string): Promise<ClaimEntity> {
    const claim = await this.claims.findOneBy({ id });
    if (!claim) throw AppError.notFound('CLAIM_NOT_FOUND', `No claim ${id}`);
    return claim;
  }
}

function requireUncredited(guideId: string | null) {
  if (guideId !== null) throw AppError.conflict('ALREADY_CREDITED', 'This sale is already credited to a guide');
}
