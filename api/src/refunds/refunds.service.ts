import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { OrderStatus } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { requestHash } from '../common/request-hash.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { Transactions } from '../database/transactions.js';
import type { Principal } from '../auth/tokens.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { planRefund, type RefundPlan, type RefundRequest } from './refund-plan.js';
import {
  insertRefundLines,
  newOnlineRefund,
  planWithoutLines,
  refundableLines,
  refundHoldKey,
} from './refund-records.js';
import { RefundSettlement } from './refund-settlement.service.js';
import { REFUNDABLE_ORDER_STATUSES } from './refund-state.js';
import { RefundSubmitter } from './refund-submitter.service.js';
import { RefundEntity, RefundLineEntity } from './refund.entities.js';
import { toRefundView, type RefundView } from './refund-view.js';
import type { CreateRefundDto, PosRefundDto } from './refunds.dto.js';

/**
 * A replay whose first request never heard back from WeChat Pay re-sends it (same out_refund_no,
 * so WeChat refunds once) — but only after the first call has certainly given up (client timeout
 * 10 s), so a retry racing the first request does not call WeChat a second time.
 */
const RESUBMIT_AFTER_MS = 15_000;

export interface RefundResult {
  refund: RefundView;
  replayed: boolean;
}

/**
 * Refunds asked for by people: online (admin or after-sales, sent to WeChat Pay by RefundSubmitter,
 * settled by RefundSettlement when WeChat reports) and at a store counter; and their reads.
 * Automatic refunds: AutomaticRefunds; the sweep: RefundSync; WeChat's notify: RefundNotifications.
 */
@Injectable()
export class RefundsService {
  constructor(
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    @InjectRepository(RefundLineEntity) private readonly refundLines: Repository<RefundLineEntity>,
    private readonly tx: Transactions,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly ledger: LedgerService,
    private readonly submitter: RefundSubmitter,
    private readonly settlement: RefundSettlement,
  ) {}

  /** Registers `handler` to run in the transaction that records an online refund's SUCCESS or CLOSED. */
  onSettled(handler: (em: EntityManager, refund: RefundEntity) => Promise<void>) {
    this.settlement.onSettled(handler);
  }

  /**
   * What a refund of the order would come to now (no writes): the same checks and plan as
   * `createOnline`, for a request to be judged before anyone approves it.
   */
  async preview(orderId: string, request: RefundRequest): Promise<RefundPlan> {
    const em = this.tx.outside;
    const { order, lines } = await this.orders.requireWithLines(em, orderId);
    const unpaid = async () => !(await this.payments.paymentOf(em, orderId));
    if (order.channel !== 'online' || !REFUNDABLE_ORDER_STATUSES.includes(order.status) || (await unpaid()))
      throw AppError.conflict('ORDER_NOT_REFUNDABLE', `An order in status ${order.status} cannot be refunded`);
    return planRefund(await refundableLines(em, orderId, lines), request);
  }

  // ---------------------------------------------------------------- online (WeChat Pay) refunds

  /**
   * Plans the refund under the order's lock, records it as PROCESSING with the order's entries held
   * back, then asks WeChat Pay (out_refund_no = the refund id). The order only changes when
   * REFUND.SUCCESS arrives. A retry with the same Idempotency-Key and body returns this refund;
   * the (order, key) unique constraint settles concurrent retries.
   */
  async createOnline(
    principal: Principal,
    orderId: string,
    idempotencyKey: string,
    body: CreateRefundDto,
  ): Promise<RefundResult> {
    const request: RefundRequest & { reason: string } = {
      ...(body.lines ? { lines: body.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) } : {}),
      ...(body.amountFen !== undefined ? { amountFen: body.amountFen } : {}),
      ...(body.full !== undefined ? { full: body.full } : {}),
      reason: body.reason,
    };
    const hash = requestHash(request);
    const previous = await this.replayOnline(orderId, idempotencyKey, hash, true);
    if (previous) return { refund: previous, replayed: true };

    const now = new Date();
    const id = newId(now.getTime());
    const insert = () =>
      this.tx.run(async (em) => {
        const { order, lines } = await this.orders.lockWithLines(em, orderId);
        if (order.channel !== 'online')
          throw AppError.conflict(
            'ORDER_NOT_ONLINE',
            'A store sale is refunded at its counter (POST /api/pos/refunds)',
          );
        if (!REFUNDABLE_ORDER_STATUSES.includes(order.status) || !(await this.payments.paymentOf(em, orderId))) {
          throw AppError.conflict('ORDER_NOT_REFUNDABLE', `An order in status ${order.status} cannot be refunded`);
        }
        const plan = planRefund(await refundableLines(em, orderId, lines), request);
        const refund = newOnlineRefund(
          {
            id,
            orderId,
            amountFen: plan.amountFen,
            reason: body.reason,
            idempotencyKey,
            requestHash: hash,
            requestedBy: principal.sub,
          },
          now,
        );
        await em.insert(RefundEntity, refund);
        await insertRefundLines(em, id, plan, lines);
        await this.ledger.hold(em, orderId, refundHoldKey(id), now);
        return { refund, order };
      });
    // A concurrent retry with this key that wins is the one that talks to WeChat Pay.
    const { value: refund, replayed } = await insertOrReplay(
      async () => {
        const created = await insert();
        await this.submitter.submit(created.refund, created.order);
        return this.view(id);
      },
      () => this.replayOnline(orderId, idempotencyKey, hash, false),
    );
    return { refund, replayed };
  }

  private async replayOnline(
    orderId: string,
    idempotencyKey: string,
    hash: string,
    mayResubmit: boolean,
  ): Promise<RefundView | null> {
    const existing = await this.refunds.findOneBy({ orderId, idempotencyKey });
    if (!existing) return null;
    if (existing.requestHash !== hash)
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
    if (existing.status === 'FAILED')
      throw AppError.upstream('WECHATPAY_REJECTED', existing.note ?? 'WeChat Pay refused the refund');
    if (
      mayResubmit &&
      existing.status === 'PROCESSING' &&
      !existing.submittedAt &&
      Date.now() - existing.createdAt.getTime() >= RESUBMIT_AFTER_MS
    ) {
      const { order } = await this.orders.requireWithLines(this.tx.outside, orderId);
      await this.submitter.submit(existing, order);
    }
    return this.view(existing.id);
  }

  // ---------------------------------------------------------------- counter refunds

  /**
   * A counter refund of a store sale: immediate success, split over the sale's lines by amount,
   * reversed like an online refund. Idempotent per (store, refundNo): the same again answers the
   * first refund, a different body is a 409.
   */
  async createAtCounter(storeId: string, body: PosRefundDto): Promise<RefundResult> {
    const hash = requestHash({ receiptNo: body.receiptNo, amountFen: body.amountFen, reason: body.reason });
    const previous = await this.replayCounter(storeId, body.refundNo, hash);
    if (previous) return { refund: previous, replayed: true };
    const now = new Date();
    const id = newId(now.getTime());
    const insert = () =>
      this.tx.run(async (em) => {
        const sale = await this.orders.findStoreOrder(em, storeId, body.receiptNo);
        if (!sale)
          throw AppError.notFound('STORE_ORDER_NOT_FOUND', `No sale with receipt ${body.receiptNo} at this store`);
        const { order, lines } = await this.orders.lockWithLines(em, sale.id);
        if (!REFUNDABLE_ORDER_STATUSES.includes(order.status))
          throw AppError.conflict('ORDER_NOT_REFUNDABLE', `A sale in status ${order.status} cannot be refunded`);
        const plan = lines.length
          ? planRefund(await refundableLines(em, order.id, lines), { amountFen: body.amountFen })
          : planWithoutLines(order, body.amountFen);
        const refund: RefundEntity = {
          id,
          orderId: order.id,
          channel: 'store',
          status: 'SUCCESS',
          amountFen: plan.amountFen,
          reason: body.reason ?? `门店退款 ${body.refundNo}`,
          idempotencyKey: null,
          requestHash: hash,
          storeId,
          refundNo: body.refundNo,
          outRefundNo: null,
          wechatRefundId: null,
          requestedBy: null,
          note: null,
          createdAt: now,
          submittedAt: now,
          completedAt: now,
        };
        await em.insert(RefundEntity, refund);
        await insertRefundLines(em, id, plan, lines);
        return this.settlement.applySuccess(em, refund, lines, now);
      });
    const { value: refund, replayed } = await insertOrReplay(
      async () => this.view(id, await insert()),
      () => this.replayCounter(storeId, body.refundNo, hash),
    );
    return { refund, replayed };
  }

  private async replayCounter(storeId: string, refundNo: string, hash: string): Promise<RefundView | null> {
    const existing = await this.refunds.findOneBy({ storeId, refundNo });
    if (!existing) return null;
    if (existing.requestHash !== hash)
      throw AppError.conflict('REFUND_NO_REUSED', `Refund number ${refundNo} was used for a different refund`);
    return this.view(existing.id);
  }

  // ---------------------------------------------------------------- reads

  async listForOrder(orderId: string): Promise<RefundView[]> {
    const rows = await this.refunds.find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const lines = rows.length ? await this.refundLines.findBy({ refundId: In(rows.map((r) => r.id)) }) : [];
    return rows.map((r) =>
      toRefundView(
        r,
        lines.filter((l) => l.refundId === r.id),
      ),
    );
  }

  async view(id: string, orderStatus?: OrderStatus): Promise<RefundView> {
    const refund = await this.refunds.findOneByOrFail({ id });
    return toRefundView(refund, await this.refundLines.findBy({ refundId: id }), orderStatus);
  }

  /** Online refunds that succeeded (WeChat's success time) in [from, to): the trade bill's refund lines. */
  async succeededOnlineBetween(from: Date, to: Date): Promise<RefundEntity[]> {
    return this.refunds
      .createQueryBuilder('r')
      .where('r.channel = :channel AND r.status = :status', { channel: 'online', status: 'SUCCESS' })
      .andWhere('r.completedAt >= :from AND r.completedAt < :to', { from, to })
      .orderBy('r.completedAt', 'ASC')
      .getMany();
  }

  /** Online refunds by WeChat refund_id or by out_refund_no, whatever their status. */
  async findOnline(wechatRefundIds: string[], outRefundNos: string[]): Promise<RefundEntity[]> {
    const where = [];
    if (wechatRefundIds.length) where.push({ channel: 'online' as const, wechatRefundId: In(wechatRefundIds) });
    if (outRefundNos.length) where.push({ channel: 'online' as const, outRefundNo: In(outRefundNos) });
    return where.length ? this.refunds.find({ where }) : [];
  }
}
