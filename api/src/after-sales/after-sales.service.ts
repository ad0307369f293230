import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { AfterSale, AfterSaleStatus } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { requestHash } from '../common/request-hash.js';
import { isDuplicateOf } from '../common/unique-code.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import type { Principal } from '../auth/tokens.js';
import { OrdersService } from '../orders/orders.service.js';
import type { RefundRequest } from '../refunds/refund-plan.js';
import type { RefundEntity } from '../refunds/refund.entities.js';
import type { RefundView } from '../refunds/refund-view.js';
import { RefundsService } from '../refunds/refunds.service.js';
import { AfterSaleEntity } from './after-sale.entity.js';
import { afterSaleSourcesOf } from './after-sale-state.js';
import type { CreateAfterSaleDto } from './after-sales.dto.js';

/** The refund an approved request makes carries this key, so its success finds the request again. */
const refundKeyOf = (s: AfterSaleEntity) => `after-sale:${s.id}:${s.refundAttempt}`;
const AFTER_SALE_OF_KEY = /^after-sale:([0-9a-f-]{36}):\d+$/;

function toAfterSale(s: AfterSaleEntity, refund: RefundView | null): AfterSale {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: s.id,
    orderId: s.orderId,
    status: s.status,
    reason: s.reason,
    lines: s.linesJson ? (JSON.parse(s.linesJson) as AfterSale['lines']) : [],
    amountFen: s.amountFen,
    requestedFen: s.requestedFen,
    rejectReason: s.rejectReason,
    refundId: s.refundId,
    refundStatus: refund?.status ?? null,
    createdAt: s.createdAt.toISOString(),
    decidedAt: iso(s.decidedAt),
    refundedAt: iso(s.refundedAt),
  };
}

/**
 * After-sales (售后): the buyer asks, ops decide. An approval makes the refund through RefundsService
 * (the same flow, holds and reversals as an admin refund); its success moves the request to REFUNDED
 * inside the settling transaction.
 */
@Injectable()
export class AfterSalesService implements OnModuleInit {
  constructor(
    @InjectRepository(AfterSaleEntity) private readonly sales: Repository<AfterSaleEntity>,
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
  ) {}

  onModuleInit() {
    this.refunds.onSettled((em, refund) => this.onRefundSettled(em, refund));
  }

  /** The buyer's request: judged against what is still refundable; one open request per order. */
  async request(
    principal: Principal,
    orderId: string,
    idempotencyKey: string,
    body: CreateAfterSaleDto,
  ): Promise<{ afterSale: AfterSale; replayed: boolean }> {
    await this.orders.get(principal, orderId); // 404 unknown, 403 another's
    const lines = body.lines?.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const hash = requestHash({ lines, amountFen: body.amountFen, reason: body.reason });
    const previous = await this.replay(orderId, idempotencyKey, hash);
    if (previous) return { afterSale: previous, replayed: true };
    if (await this.sales.existsBy({ openFor: orderId }))
      throw AppError.conflict('AFTER_SALE_OPEN', 'This order already has an open after-sales request');
    const plan = await this.refunds.preview(orderId, this.refundRequestOf(lines ?? null, body.amountFen ?? null));
    const row: AfterSaleEntity = {
      id: newId(),
      orderId,
      memberId: principal.sub,
      status: 'REQUESTED',
      reason: body.reason.trim(),
      linesJson: lines ? JSON.stringify(lines) : null,
      amountFen: body.amountFen ?? null,
      requestedFen: plan.amountFen,
      idempotencyKey,
      requestHash: hash,
      openFor: orderId,
      refundId: null,
      refundAttempt: 0,
      rejectReason: null,
      decidedBy: null,
      createdAt: new Date(),
      decidedAt: null,
      refundedAt: null,
    };
    const { value: afterSale, replayed } = await insertOrReplay(
      async () => {
        await this.sales.insert(row);
        return toAfterSale(row, null);
      },
      () => this.replay(orderId, idempotencyKey, hash),
      (e) => {
        if (isDuplicateOf(e, 'uq_after_sales_open', 'openFor'))
          throw AppError.conflict('AFTER_SALE_OPEN', 'This order already has an open after-sales request');
      },
    );
    return { afterSale, replayed };
  }

  private async replay(orderId: string, idempotencyKey: string, hash: string): Promise<AfterSale | null> {
    const existing = await this.sales.findOneBy({ orderId, idempotencyKey });
    if (!existing) return null;
    if (existing.requestHash !== hash)
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    return this.view(existing);
  }

  /** The order's requests, oldest first (the buyer's own, or any for staff). */
  async forOrder(principal: Principal, orderId: string): Promise<AfterSale[]> {
    await this.orders.get(principal, orderId);
    const rows = await this.sales.find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return Promise.all(rows.map((r) => this.view(r)));
  }

  /** Every request a member made (their data export). */
  async ofMember(memberId: string): Promise<AfterSale[]> {
    const rows = await this.sales.find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return Promise.all(rows.map((r) => this.view(r)));
  }

  /** The ops queue: oldest first, optionally by status. */
  async list(status?: AfterSaleStatus): Promise<AfterSale[]> {
    const rows = await this.sales.find({
      where: status ? { status } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 200,
    });
    return Promise.all(rows.map((r) => this.view(r)));
  }

  /**
   * Approves a request and makes its refund (key `after-sale:<id>:<attempt>`, so a repeated approval
   * makes no second refund). A refund that cannot be made (nothing left, WeChat Pay refused) puts the
   * request back to REQUESTED and answers the refund's error; WeChat Pay not answering (503) leaves it
   * APPROVED with the refund waiting to be re-sent.
   */
  async approve(principal: Principal, id: string): Promise<AfterSale> {
    let sale = await this.require(id);
    if (sale.status === 'REQUESTED') {
      await this.move(sale, 'APPROVED', { decidedBy: principal.sub, decidedAt: new Date() });
      sale = await this.require(id);
    }
    if (sale.status !== 'APPROVED')
      throw AppError.conflict('AFTER_SALE_DECIDED', `This request is ${sale.status} already`);
    if (sale.refundId) return this.view(sale);
    try {
      const { refund } = await this.refunds.createOnline(principal, sale.orderId, refundKeyOf(sale), {
        ...this.refundRequestOf(sale.linesJson ? JSON.parse(sale.linesJson) : null, sale.amountFen),
        reason: `售后 ${sale.reason}`.slice(0, 200),
      });
      await this.sales.update({ id, status: In(['APPROVED', 'REFUNDED']) }, { refundId: refund.id });
    } catch (e) {
      if (e instanceof AppError && e.code !== 'WECHATPAY_UNAVAILABLE') {
        await this.move(sale, 'REQUESTED', {
          refundAttempt: sale.refundAttempt + 1,
          decidedBy: null,
          decidedAt: null,
        });
      }
      throw e;
    }
    return this.view(await this.require(id));
  }

  async reject(principal: Principal, id: string, reason: string): Promise<AfterSale> {
    const sale = await this.require(id);
    if (sale.status === 'REJECTED' && sale.rejectReason === reason.trim()) return this.view(sale);
    if (sale.status !== 'REQUESTED')
      throw AppError.conflict('AFTER_SALE_DECIDED', `This request is ${sale.status} already`);
    await this.move(sale, 'REJECTED', {
      rejectReason: reason.trim(),
      decidedBy: principal.sub,
      decidedAt: new Date(),
      openFor: null,
    });
    return this.view(await this.require(id));
  }

  /**
   * Inside the refund's settling transaction: SUCCESS makes its request REFUNDED and closed; CLOSED
   * (WeChat Pay gave up) puts it back to REQUESTED for a new decision, with a fresh refund key.
   */
  private async onRefundSettled(em: EntityManager, refund: RefundEntity): Promise<void> {
    const id = AFTER_SALE_OF_KEY.exec(refund.idempotencyKey ?? '')?.[1];
    if (!id) return;
    const repo = em.getRepository(AfterSaleEntity);
    if (refund.status === 'SUCCESS') {
      await repo.update(
        { id, status: In(afterSaleSourcesOf('REFUNDED')) },
        { status: 'REFUNDED', refundId: refund.id, refundedAt: refund.completedAt ?? new Date(), openFor: null },
      );
      return;
    }
    const sale = await repo.findOneBy({ id, status: 'APPROVED' });
    if (!sale || refundKeyOf(sale) !== refund.idempotencyKey) return;
    await repo.update(
      { id, status: 'APPROVED', refundAttempt: sale.refundAttempt },
      { status: 'REQUESTED', refundId: null, refundAttempt: sale.refundAttempt + 1, decidedBy: null, decidedAt: null },
    );
  }

  // ---------------------------------------------------------------- helpers

  private refundRequestOf(
    lines: Array<{ lineId: string; quantity: number }> | null,
    amountFen: number | null,
  ): RefundRequest {
    if (lines && amountFen !== null)
      throw AppError.badRequest('REFUND_SPEC_INVALID', 'Ask for lines or for an amount, not both');
    if (lines) return { lines };
    if (amountFen !== null) return { amountFen };
    return { full: true };
  }

  private async require(id: string): Promise<AfterSaleEntity> {
    const sale = await this.sales.findOneBy({ id });
    if (!sale) throw AppError.notFound('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`);
    return sale;
  }

  /** A move of the state table as a conditional UPDATE; 409 when the request moved meanwhile. */
  private async move(sale: AfterSaleEntity, to: AfterSaleStatus, changes: Partial<AfterSaleEntity>): Promise<void> {
    const result = await this.sales.update(
      { id: sale.id, status: sale.status, refundAttempt: sale.refundAttempt },
      { ...changes, status: to },
    );
    if (!result.affected && !afterSaleSourcesOf(to).includes(sale.status))
      throw AppError.conflict('AFTER_SALE_DECIDED', `This request is ${sale.status} already`);
    if (!result.affected) throw AppError.conflict('AFTER_SALE_CHANGED', 'The request changed meanwhile; try again');
  }

  private async view(s: AfterSaleEntity): Promise<AfterSale> {
    return toAfterSale(s, s.refundId ? await this.refunds.view(s.refundId) : null);
  }
}
