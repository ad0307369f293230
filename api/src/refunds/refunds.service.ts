import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { OrderStatus } from '@guideshare/contracts';
import { WechatApiError, type RefundNotificationResource } from '@guideshare/wechat';
import { WechatPayClient } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { requestHash } from '../common/request-hash.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import type { Principal } from '../auth/tokens.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { OrderEntity, OrderLineEntity } from '../orders/order.entities.js';
import { OrdersService } from '../orders/orders.service.js';
import { NotifyRejected, PaymentsService } from '../payments/payments.service.js';
import { planRefund, type RefundableLine, type RefundPlan, type RefundRequest } from './refund-plan.js';
import { CLAIMING_STATUSES, RefundEntity, RefundLineEntity, type RefundStatus } from './refund.entities.js';
import { toRefundView, type RefundView } from './refund-view.js';
import type { CreateRefundDto, PosRefundDto } from './refunds.dto.js';

/** Order statuses a refund may start from. */
const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'PARTIALLY_REFUNDED', 'COMPLETED'];

/** Which final statuses a refund may still move to, by WeChat Pay's REFUND.* notify. */
const NEXT: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = {
  PROCESSING: ['SUCCESS', 'CLOSED', 'ABNORMAL'],
  // An abnormal refund (e.g. the buyer's card was closed) can still be completed or closed at WeChat.
  ABNORMAL: ['SUCCESS', 'CLOSED'],
  SUCCESS: [],
  CLOSED: [],
  FAILED: [],
};

const REFUND_EVENTS = ['REFUND.SUCCESS', 'REFUND.CLOSED', 'REFUND.ABNORMAL'] as const;

/**
 * A replay whose first request never heard back from WeChat Pay re-sends it (same out_refund_no,
 * so WeChat refunds once) — but only after the first call has certainly given up (client timeout
 * 10 s), so a retry racing the first request does not call WeChat a second time.
 */
const RESUBMIT_AFTER_MS = 15_000;

/** WeChat's `reason` is at most 80 characters. */
const WECHAT_REASON_MAX = 80;

export const refundHoldKey = (refundId: string) => `refund:${refundId}`;

/** The one automatic refund of a payment that arrived for a cancelled order whose stock was gone. */
const AUTO_REFUND_KEY = 'auto:paid-after-cancel';
const AUTO_REFUND_REASON = '订单已取消且库存已售出，支付款自动全额退款';

export interface RefundResult {
  refund: RefundView;
  replayed: boolean;
}

@Injectable()
export class RefundsService implements OnModuleInit {
  private readonly logger = new Logger('Refunds');
  /** Told, inside the settling transaction, when an online refund ends (after-sales follow their refund). */
  private readonly settled: Array<(em: EntityManager, refund: RefundEntity) => Promise<void>> = [];

  constructor(
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    @InjectRepository(RefundLineEntity) private readonly refundLines: Repository<RefundLineEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly pay: WechatPayClient,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit() {
    for (const event of REFUND_EVENTS) {
      this.payments.onEvent(event, (resource, eventType) =>
        this.onRefundNotify(resource as unknown as RefundNotificationResource, eventType),
      );
    }
    this.payments.onUnsellablePayment((em, orderId, at) => this.refundUnsellablePayment(em, orderId, at));
  }

  /**
   * A payment that arrived for a cancelled order whose stock was sold meanwhile (inside the
   * payment's transaction): a full refund, recorded like an admin's (visible on the order with its
   * reason) under a fixed key, so a repeated notification never refunds twice. Returns the step
   * that sends it to WeChat Pay after the commit; `syncPending` re-sends it if that step fails.
   */
  private async refundUnsellablePayment(em: EntityManager, orderId: string, at: Date): Promise<() => Promise<void>> {
    const { order, lines } = await this.orders.lockWithLines(em, orderId);
    const existing = await em.getRepository(RefundEntity).findOneBy({ orderId, idempotencyKey: AUTO_REFUND_KEY });
    if (existing) return async () => undefined;
    const plan = planRefund(await this.refundableLines(em, orderId, lines), { full: true });
    const id = newId(at.getTime());
    const refund: RefundEntity = {
      id,
      orderId,
      channel: 'online',
      status: 'PROCESSING',
      amountFen: plan.amountFen,
      reason: AUTO_REFUND_REASON,
      idempotencyKey: AUTO_REFUND_KEY,
      requestHash: requestHash({ auto: AUTO_REFUND_KEY }),
      storeId: null,
      refundNo: null,
      outRefundNo: id.replace(/-/g, ''),
      wechatRefundId: null,
      requestedBy: null,
      note: null,
      createdAt: at,
      submittedAt: null,
      completedAt: null,
    };
    await em.insert(RefundEntity, refund);
    await this.insertLines(em, id, plan, lines);
    await this.ledger.hold(em, orderId, refundHoldKey(id), at);
    return () => this.submit(refund, order);
  }

  /** Registers `handler` to run in the transaction that records an online refund's SUCCESS or CLOSED. */
  onSettled(handler: (em: EntityManager, refund: RefundEntity) => Promise<void>) {
    this.settled.push(handler);
  }

  /**
   * What a refund of the order would come to now (no writes): the same checks and plan as
   * `createOnline`, for a request to be judged before anyone approves it.
   */
  async preview(orderId: string, request: RefundRequest): Promise<RefundPlan> {
    const em = this.refunds.manager;
    const { order, lines } = await this.orders.requireWithLines(em, orderId);
    if (order.channel !== 'online' || !REFUNDABLE.includes(order.status) || !order.transactionId)
      throw AppError.conflict('ORDER_NOT_REFUNDABLE', `An order in status ${order.status} cannot be refunded`);
    return planRefund(await this.refundableLines(em, orderId, lines), request);
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
    if (previous) return previous;

    const now = new Date();
    const id = newId(now.getTime());
    let created: { refund: RefundEntity; order: OrderEntity };
    try {
      created = await this.tx.run(async (em) => {
        const { order, lines } = await this.orders.lockWithLines(em, orderId);
        if (order.channel !== 'online')
          throw AppError.conflict(
            'ORDER_NOT_ONLINE',
            'A store sale is refunded at its counter (POST /api/pos/refunds)',
          );
        if (!REFUNDABLE.includes(order.status) || !order.transactionId) {
          throw AppError.conflict('ORDER_NOT_REFUNDABLE', `An order in status ${order.status} cannot be refunded`);
        }
        const plan = planRefund(await this.refundableLines(em, orderId, lines), request);
        const refund: RefundEntity = {
          id,
          orderId,
          channel: 'online',
          status: 'PROCESSING',
          amountFen: plan.amountFen,
          reason: body.reason,
          idempotencyKey,
          requestHash: hash,
          storeId: null,
          refundNo: null,
          outRefundNo: id.replace(/-/g, ''),
          wechatRefundId: null,
          requestedBy: principal.sub,
          note: null,
          createdAt: now,
          submittedAt: null,
          completedAt: null,
        };
        await em.insert(RefundEntity, refund);
        await this.insertLines(em, id, plan, lines);
        await this.ledger.hold(em, orderId, refundHoldKey(id), now);
        return { refund, order };
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // A concurrent retry with this key won; it is the one that talks to WeChat Pay.
      const winner = await this.replayOnline(orderId, idempotencyKey, hash, false);
      if (!winner) throw e;
      return winner;
    }
    await this.submit(created.refund, created.order);
    return { refund: await this.view(id), replayed: false };
  }

  private async replayOnline(
    orderId: string,
    idempotencyKey: string,
    hash: string,
    mayResubmit: boolean,
  ): Promise<RefundResult | null> {
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
      const { order } = await this.orders.requireWithLines(this.refunds.manager, orderId);
      await this.submit(existing, order);
    }
    return { refund: await this.view(existing.id), replayed: true };
  }

  /** Sends the refund to WeChat Pay. A definite refusal fails it (and frees the order); no answer leaves it to a retry. */
  private async submit(refund: RefundEntity, order: OrderEntity): Promise<void> {
    try {
      const answer = await this.pay.createRefund({
        transaction_id: order.transactionId!,
        out_refund_no: refund.outRefundNo!,
        reason: refund.reason.slice(0, WECHAT_REASON_MAX),
        notify_url: this.config.wechatPay.notifyUrl,
        amount: { refund: refund.amountFen, total: order.paidFen, currency: 'CNY' },
      });
      await this.refunds.update(
        { id: refund.id, submittedAt: IsNull() },
        { submittedAt: new Date(), wechatRefundId: answer.refund_id },
      );
    } catch (e) {
      if (e instanceof WechatApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
        const note = `WeChat Pay refused the refund: ${e.errcode} ${e.errmsg}`.slice(0, 200);
        const at = new Date();
        await this.tx.run(async (em) => {
          const failed = await em
            .getRepository(RefundEntity)
            .update(
              { id: refund.id, status: 'PROCESSING', submittedAt: IsNull() },
              { status: 'FAILED', note, completedAt: at },
            );
          if (failed.affected) await this.ledger.release(em, refundHoldKey(refund.id), at);
        });
        throw AppError.upstream('WECHATPAY_REJECTED', note);
      }
      this.logger.warn(
        `Refund ${refund.id} not confirmed by WeChat Pay: ${e instanceof Error ? e.message : String(e)}`,
      );
      throw new AppError(
        503,
        'WECHATPAY_UNAVAILABLE',
        'WeChat Pay did not confirm the refund; retry with the same Idempotency-Key',
      );
    }
  }

  /**
   * REFUND.SUCCESS / REFUND.CLOSED / REFUND.ABNORMAL (plaintext `refund_status`, idempotent by
   * refund_id): checked against this merchant, then settled.
   */
  private async onRefundNotify(r: RefundNotificationResource, eventType: string): Promise<void> {
    const status = eventType.slice('REFUND.'.length) as RefundStatus;
    if (r.mchid !== this.config.wechatPay.mchid) throw new NotifyRejected(400, 'mchid does not match this merchant');
    if (r.refund_status !== undefined && r.refund_status !== status)
      throw new NotifyRejected(400, `${eventType} carries refund_status ${r.refund_status}`);
    if (!r.out_refund_no || !r.refund_id)
      throw new NotifyRejected(400, 'refund notification without out_refund_no or refund_id');
    const known = await this.refunds.findOneBy({ outRefundNo: r.out_refund_no });
    if (!known) throw new NotifyRejected(404, `unknown out_refund_no ${r.out_refund_no}`);
    await this.settle(known, {
      status,
      refundId: r.refund_id,
      transactionId: r.transaction_id,
      amountFen: r.amount?.refund,
      successTime: r.success_time,
      account: r.user_received_account,
    });
  }

  /**
   * Applies WeChat Pay's final word on a refund (from a notify or a query). Idempotent: the refund's
   * status moves by a conditional update under the order's lock, so a repeated or concurrent report
   * finds it already moved and changes nothing. SUCCESS records the refund on the order and appends
   * the reversals; CLOSED and ABNORMAL leave money and commission as they were. Every final status
   * releases the order's hold. Refuses (NotifyRejected) a report that contradicts what we asked for.
   */
  private async settle(
    known: RefundEntity,
    report: {
      status: RefundStatus;
      refundId: string;
      transactionId?: string;
      amountFen?: number;
      successTime?: string;
      account?: string;
    },
  ): Promise<void> {
    const { status } = report;
    await this.tx.run(async (em) => {
      const { order, lines } = await this.orders.lockWithLines(em, known.orderId);
      const refund = await em.getRepository(RefundEntity).findOneByOrFail({ id: known.id });
      if (refund.wechatRefundId && refund.wechatRefundId !== report.refundId)
        throw new NotifyRejected(
          409,
          `refund ${refund.id} is WeChat refund ${refund.wechatRefundId}, not ${report.refundId}`,
        );
      if (order.transactionId && report.transactionId && report.transactionId !== order.transactionId)
        throw new NotifyRejected(400, 'transaction_id does not match the order');
      if (report.amountFen !== refund.amountFen)
        throw new NotifyRejected(
          400,
          `refund amount ${report.amountFen} does not match the requested ${refund.amountFen}`,
        );
      if (refund.status === status) return; // a repeat
      if (!NEXT[refund.status].includes(status)) {
        this.logger.warn(`Ignoring REFUND.${status} for refund ${refund.id}, which is ${refund.status}`);
        return;
      }
      const at = new Date();
      const completedAt =
        status === 'SUCCESS' && report.successTime && !Number.isNaN(Date.parse(report.successTime))
          ? new Date(report.successTime)
          : at;
      const note =
        status === 'ABNORMAL'
          ? `WeChat Pay reports the refund ABNORMAL (${report.account ?? 'no account'})`.slice(0, 200)
          : status === 'CLOSED'
            ? 'WeChat Pay closed the refund'
            : null;
      const moved = await em
        .getRepository(RefundEntity)
        .update(
          { id: refund.id, status: refund.status },
          { status, wechatRefundId: report.refundId, completedAt, note },
        );
      if (!moved.affected) return;
      if (status === 'SUCCESS') await this.applySuccess(em, { ...refund, status }, lines, at);
      if (status !== 'ABNORMAL')
        for (const handler of this.settled) await handler(em, { ...refund, status, completedAt });
      await this.ledger.release(em, refundHoldKey(refund.id), at);
    });
  }

  /**
   * The fallback when a notification never arrives: online refunds still PROCESSING a while after
   * they were created are re-sent if WeChat Pay never confirmed them (same out_refund_no), else
   * queried and settled like a notification. Returns how many changed.
   */
  async syncPending(now = new Date(), olderThanMs = 5 * 60_000): Promise<number> {
    const stale = await this.refunds
      .createQueryBuilder('r')
      .where('r.channel = :channel AND r.status = :status', { channel: 'online', status: 'PROCESSING' })
      .andWhere('r.createdAt <= :before', { before: new Date(now.getTime() - olderThanMs) })
      .orderBy('r.createdAt', 'ASC')
      .take(100)
      .getMany();
    let changed = 0;
    for (const refund of stale) {
      try {
        if (!refund.submittedAt) {
          const { order } = await this.orders.requireWithLines(this.refunds.manager, refund.orderId);
          await this.submit(refund, order);
          continue;
        }
        const answer = await this.pay.queryRefund(refund.outRefundNo!);
        if (answer.status === 'PROCESSING') continue;
        await this.settle(refund, {
          status: answer.status,
          refundId: answer.refund_id,
          transactionId: answer.transaction_id,
          amountFen: answer.amount?.refund,
          successTime: answer.success_time,
          account: answer.user_received_account,
        });
        changed++;
      } catch (e) {
        this.logger.warn(`Could not sync refund ${refund.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return changed;
  }

  /** Money went back: the order's lines and status, then the reversals from the lines as they were before. */
  private async applySuccess(
    em: EntityManager,
    refund: RefundEntity,
    orderLines: OrderLineEntity[],
    at: Date,
  ): Promise<OrderStatus> {
    const parts = await em.getRepository(RefundLineEntity).findBy({ refundId: refund.id });
    const before = new Map(orderLines.map((l) => [l.id, l.refundedFen]));
    const status = await this.orders.recordRefund(em, refund.orderId, {
      amountFen: refund.amountFen,
      lines: parts.map((p) => ({ lineId: p.orderLineId, quantity: p.quantity, amountFen: p.amountFen })),
    });
    await this.ledger.reverse(
      em,
      {
        orderId: refund.orderId,
        refundId: refund.id,
        lines: parts.map((p) => ({
          orderLineId: p.orderLineId,
          refundedBeforeFen: before.get(p.orderLineId) ?? 0,
          refundNowFen: p.amountFen,
        })),
      },
      at,
    );
    return status;
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
    if (previous) return previous;
    const now = new Date();
    const id = newId(now.getTime());
    let orderStatus: OrderStatus;
    try {
      orderStatus = await this.tx.run(async (em) => {
        const sale = await this.orders.findStoreOrder(em, storeId, body.receiptNo);
        if (!sale)
          throw AppError.notFound('STORE_ORDER_NOT_FOUND', `No sale with receipt ${body.receiptNo} at this store`);
        const { order, lines } = await this.orders.lockWithLines(em, sale.id);
        if (!REFUNDABLE.includes(order.status))
          throw AppError.conflict('ORDER_NOT_REFUNDABLE', `A sale in status ${order.status} cannot be refunded`);
        const plan = lines.length
          ? planRefund(await this.refundableLines(em, order.id, lines), { amountFen: body.amountFen })
          : this.planWithoutLines(order, body.amountFen);
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
        await this.insertLines(em, id, plan, lines);
        return this.applySuccess(em, refund, lines, now);
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const winner = await this.replayCounter(storeId, body.refundNo, hash);
      if (!winner) throw e;
      return winner;
    }
    return { refund: await this.view(id, orderStatus), replayed: false };
  }

  private async replayCounter(storeId: string, refundNo: string, hash: string): Promise<RefundResult | null> {
    const existing = await this.refunds.findOneBy({ storeId, refundNo });
    if (!existing) return null;
    if (existing.requestHash !== hash)
      throw AppError.conflict('REFUND_NO_REUSED', `Refund number ${refundNo} was used for a different refund`);
    return { refund: await this.view(existing.id), replayed: true };
  }

  /** A sale recorded without lines: an order-level refund (no line carries commission then). */
  private planWithoutLines(order: OrderEntity, amountFen: number): RefundPlan {
    const left = order.paidFen - order.refundedFen;
    if (amountFen > left)
      throw AppError.unprocessable(
        'REFUND_EXCEEDS_PAID',
        `Refund of ${amountFen} fen exceeds the ${left} fen left to refund`,
      );
    return { amountFen, lines: [] };
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

  // ---------------------------------------------------------------- helpers

  /** The order's lines with what refunds (successful or still in flight) already claim of each. */
  private async refundableLines(
    em: EntityManager,
    orderId: string,
    lines: OrderLineEntity[],
  ): Promise<RefundableLine[]> {
    const claimed = await em
      .getRepository(RefundLineEntity)
      .createQueryBuilder('rl')
      .innerJoin(RefundEntity, 'r', 'r.id = rl.refundId')
      .select('rl.orderLineId', 'lineId')
      .addSelect('SUM(rl.quantity)', 'quantity')
      .addSelect('SUM(rl.amountFen)', 'amountFen')
      .where('r.orderId = :orderId', { orderId })
      .andWhere('r.status IN (:...statuses)', { statuses: CLAIMING_STATUSES })
      .groupBy('rl.orderLineId')
      .getRawMany<{ lineId: string; quantity: string | number; amountFen: string | number }>();
    const byLine = new Map(claimed.map((c) => [c.lineId, { quantity: Number(c.quantity), fen: Number(c.amountFen) }]));
    return [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => ({
        id: l.id,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
        amountFen: l.amountFen,
        claimedQuantity: byLine.get(l.id)?.quantity ?? 0,
        claimedFen: byLine.get(l.id)?.fen ?? 0,
      }));
  }

  private async insertLines(
    em: EntityManager,
    refundId: string,
    plan: RefundPlan,
    orderLines: OrderLineEntity[],
  ): Promise<void> {
    if (!plan.lines.length) return;
    const lineNo = new Map(orderLines.map((l) => [l.id, l.lineNo]));
    await em.insert(
      RefundLineEntity,
      plan.lines.map((p) => ({
        id: newId(),
        refundId,
        orderLineId: p.lineId,
        lineNo: lineNo.get(p.lineId) ?? 0,
        quantity: p.quantity,
        amountFen: p.amountFen,
      })),
    );
  }
}
