import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, EntityManager, In, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import type { PaymentResponse } from '@guideshare/contracts';
import {
  verifyNotification,
  WechatApiError,
  WechatPayClient,
  WechatPayVerificationError,
  type Transaction,
} from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isDuplicateKey, Transactions } from '../database/transactions.js';
import type { Principal } from '../auth/tokens.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { MembersService } from '../members/members.service.js';
import { OrdersService, UNPAID_ORDER_TTL_MS } from '../orders/orders.service.js';
import { fromOutTradeNo, toOutTradeNo } from './out-trade-no.js';
import { PaymentEntity, PaymentPrepayEntity } from './payment.entity.js';

/** A notification we refuse: WeChat Pay retries it later (it expects `{code: 'FAIL', message}`). */
export class NotifyRejected extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A verified WeChat Pay notification: its event type and decrypted resource. */
export interface VerifiedNotification {
  eventType: string;
  resource: Record<string, unknown>;
}

/**
 * Inside the payment's transaction, for a payment that arrived for a cancelled order whose stock is
 * gone: records a full refund and returns what sends it to WeChat Pay once the transaction commits.
 * The notify dispatch passes the refunds module's (wechat-pay-notify/notify-dispatch.ts).
 */
export type UnsellablePaymentHandler = (em: EntityManager, orderId: string, at: Date) => Promise<() => Promise<void>>;

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');

  constructor(
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    @InjectRepository(PaymentPrepayEntity) private readonly prepays: Repository<PaymentPrepayEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly pay: WechatPayClient,
    private readonly orders: OrdersService,
    private readonly members: MembersService,
    private readonly ledger: LedgerService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  /**
   * Closes the order's WeChat Pay transaction (if it has one) so it can no longer be paid: WeChat's
   * "no such order" is fine; 409 ORDER_ALREADY_PAID when the payer already paid (the notification
   * will come); anything else leaves the order as it was (503, try again).
   */
  async closeTransaction(orderId: string): Promise<void> {
    if (await this.prepays.existsBy({ orderId })) await this.closeAtWechat(orderId);
  }

  private async closeAtWechat(orderId: string): Promise<void> {
    try {
      await this.pay.closeOrder(toOutTradeNo(orderId));
    } catch (e) {
      if (e instanceof WechatApiError && e.errcode === 'ORDER_NOT_EXIST') return;
      if (e instanceof WechatApiError && e.errcode === 'ORDERPAID')
        throw AppError.conflict('ORDER_ALREADY_PAID', 'WeChat Pay has already taken the payment for this order');
      throw new AppError(
        503,
        'WECHATPAY_UNAVAILABLE',
        `WeChat Pay did not close the order: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /** JSAPI prepay for the owner's unpaid order, and the signed `wx.requestPayment` parameters. */
  async prepay(principal: Principal, orderId: string): Promise<PaymentResponse> {
    const order = await this.orders.get(principal, orderId);
    if (order.status !== 'PENDING_PAYMENT')
      throw AppError.conflict('ORDER_NOT_PAYABLE', `An order in status ${order.status} cannot be paid`);
    const member = await this.members.require(this.tx.outside, order.memberId!);
    const outTradeNo = toOutTradeNo(order.id);
    const created = new Date(order.createdAt).getTime();
    let prepayId: string;
    try {
      // WeChat answers the same prepay_id for a repeated out_trade_no with the same body.
      ({ prepay_id: prepayId } = await this.pay.prepayJsapi({
        appid: this.config.wechat.appId,
        mchid: this.config.wechatPay.mchid,
        description: `GuideShare 订单 ${outTradeNo.slice(-8)}`,
        out_trade_no: outTradeNo,
        notify_url: this.config.wechatPay.notifyUrl,
        time_expire: rfc3339(created + UNPAID_ORDER_TTL_MS),
        amount: { total: order.totalFen, currency: 'CNY' },
        payer: { openid: member.openid },
      }));
    } catch (e) {
      if (e instanceof WechatApiError)
        throw AppError.upstream('WECHATPAY_REJECTED', `WeChat Pay refused the order: ${e.message}`);
      throw e;
    }
    if (!(await this.rememberPrepay(order.id, prepayId))) {
      // Cancelled meanwhile (its cancel saw no transaction to close): close this one.
      await this.closeAtWechat(order.id).catch(() => undefined);
      throw AppError.conflict('ORDER_NOT_PAYABLE', 'The order was cancelled');
    }
    return { ...this.pay.paymentParams(this.config.wechat.appId, prepayId), outTradeNo };
  }

  /** Remembers the prepay of a still unpaid order (under its row lock); false when it was cancelled meanwhile. */
  private async rememberPrepay(orderId: string, prepayId: string): Promise<boolean> {
    return this.tx.run(async (em) => {
      const { order } = await this.orders.lockWithLines(em, orderId);
      if (order.status !== 'PENDING_PAYMENT') return false;
      await em
        .createQueryBuilder()
        .insert()
        .into(PaymentPrepayEntity)
        .values({ orderId, prepayId, createdAt: new Date() })
        .orIgnore()
        .execute();
      return true;
    });
  }

  /**
   * The notify endpoint's first step: signature (platform key, serial), 300 s clock skew,
   * AES-256-GCM resource. The event's handler is then chosen in `wechat-pay-notify/notify-dispatch.ts`.
   */
  verifyNotify(
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer | undefined,
  ): VerifiedNotification {
    if (!rawBody?.length) throw new NotifyRejected(400, 'empty body');
    let verified: { envelope: { event_type: string }; resource: Record<string, unknown> };
    try {
      verified = verifyNotification({
        headers,
        rawBody: rawBody.toString('utf8'),
        platformPublicKeyPem: this.config.wechatPay.platformPublicKeyPem,
        platformSerial: this.config.wechatPay.platformSerial,
        apiV3Key: this.config.wechatPay.apiV3Key,
        nowSeconds: Math.floor(Date.now() / 1000),
      });
    } catch (e) {
      if (e instanceof WechatPayVerificationError) throw new NotifyRejected(401, `${e.reason}: ${e.message}`);
      throw e;
    }
    return { eventType: verified.envelope.event_type, resource: verified.resource };
  }

  /**
   * TRANSACTION.SUCCESS: checked against this merchant and the order, then recorded once. A payment
   * the order cannot keep (cancelled, stock gone) goes to `refundUnsellable` in the same transaction.
   */
  async onTransactionSuccess(t: Transaction, refundUnsellable: UnsellablePaymentHandler): Promise<void> {
    if (t.appid !== this.config.wechat.appId || t.mchid !== this.config.wechatPay.mchid) {
      throw new NotifyRejected(400, 'appid/mchid do not match this merchant');
    }
    if (t.trade_state !== 'SUCCESS') return;
    if (!Number.isSafeInteger(t.amount?.total) || !t.transaction_id)
      throw new NotifyRejected(400, 'transaction without amount or transaction_id');
    const orderId = fromOutTradeNo(t.out_trade_no);
    if (!orderId) throw new NotifyRejected(400, `unknown out_trade_no ${t.out_trade_no}`);
    const paidAt = t.success_time ? new Date(t.success_time) : new Date();
    let afterCommit: (() => Promise<void>) | undefined;
    try {
      afterCommit = await this.tx.run(async (em) =>
        this.recordPayment(em, orderId, t as Transaction & { amount: { total: number } }, paidAt, refundUnsellable),
      );
    } catch (e) {
      // A concurrent repeat of this notification got there first: already recorded, nothing to do.
      if (isDuplicateKey(e) && (await this.payments.existsBy({ transactionId: t.transaction_id }))) return;
      throw e;
    }
    // The automatic refund is recorded; if WeChat cannot take it now, the refund sync re-sends it.
    await afterCommit?.().catch((e: unknown) =>
      this.logger.warn(
        `Automatic refund of order ${orderId} not sent yet: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }

  private async recordPayment(
    em: EntityManager,
    orderId: string,
    t: Transaction & { amount: { total: number } },
    paidAt: Date,
    refundUnsellable: UnsellablePaymentHandler,
  ): Promise<(() => Promise<void>) | undefined> {
    const { order, lines } = await this.orders.requireWithLines(em, orderId).catch(() => {
      throw new NotifyRejected(400, `no order for out_trade_no ${t.out_trade_no}`);
    });
    if (t.amount.total !== order.totalFen) {
      throw new NotifyRejected(400, `amount ${t.amount.total} does not match the order's ${order.totalFen}`);
    }
    const existing = await em.getRepository(PaymentEntity).findOneBy({ orderId });
    if (existing) {
      if (existing.transactionId === t.transaction_id) return undefined; // a repeat
      throw new NotifyRejected(409, `order already paid by ${existing.transactionId}`);
    }
    // The unique transaction_id (and order id) make concurrent repeats collide here, not double-accrue.
    await em.insert(PaymentEntity, {
      id: newId(),
      transactionId: t.transaction_id,
      orderId,
      amountFen: t.amount.total,
      payerOpenid: t.payer?.openid ?? '',
      successTime: paidAt,
      createdAt: new Date(),
    });
    const outcome = await this.orders.markPaid(em, { order, lines }, { paidFen: t.amount.total, paidAt });
    if (outcome === 'NOT_PAYABLE') throw new NotifyRejected(409, `order ${orderId} is ${order.status}, not payable`);
    if (outcome === 'STOCK_GONE') {
      // Paid after it was cancelled, and its units were sold meanwhile: the money goes back in full.
      return refundUnsellable(em, orderId, new Date());
    }
    await this.ledger.accrue(em, this.orders.accrualOf({ order, lines }), paidAt);
    await this.fulfilment.onPaid(em, orderId, paidAt);
    return undefined;
  }

  // ---- reads: refunds and reconciliation look the WeChat facts up here ----

  /** The order's WeChat Pay payment (inside the caller's transaction), or null when it has none. */
  async paymentOf(em: EntityManager, orderId: string): Promise<PaymentView | null> {
    return em.getRepository(PaymentEntity).findOne({ select: PAYMENT_VIEW, where: { orderId } });
  }

  /** Payments by WeChat Pay transaction id (reconciliation). */
  async byTransactionIds(transactionIds: string[]): Promise<PaymentView[]> {
    if (!transactionIds.length) return [];
    return this.payments.find({ select: PAYMENT_VIEW, where: { transactionId: In(transactionIds) } });
  }

  /** Payments WeChat Pay reports successful in [from, to), by success time: what a day's trade bill lists. */
  async succeededBetween(from: Date, to: Date): Promise<PaymentView[]> {
    return this.payments.find({
      select: PAYMENT_VIEW,
      where: { successTime: And(MoreThanOrEqual(from), LessThan(to)) },
      order: { successTime: 'ASC' },
    });
  }

  /** Account deletion: the payer's openid leaves these orders' payment records (the money facts stay). */
  async forgetPayer(em: EntityManager, orderIds: string[]): Promise<void> {
    if (orderIds.length) await em.getRepository(PaymentEntity).update({ orderId: In(orderIds) }, { payerOpenid: '' });
  }
}

/** A payment's WeChat facts as other modules read them. */
export type PaymentView = Readonly<Pick<PaymentEntity, 'orderId' | 'transactionId' | 'amountFen' | 'successTime'>>;
const PAYMENT_VIEW = { orderId: true, transactionId: true, amountFen: true, successTime: true } as const;

function rfc3339(ms: number): string {
  // WeChat wants an offset form; Beijing time reads naturally in their console.
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}
