import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { RequestPaymentParams } from '@guideshare/contracts';
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
import { PaymentEntity } from './payment.entity.js';

/** A notification we refuse: WeChat Pay retries it later (it expects `{code: 'FAIL', message}`). */
export class NotifyRejected extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type NotifyHandler = (resource: Record<string, unknown>, eventType: string) => Promise<void>;

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');
  /** Other modules (refunds) register for their event types. */
  private readonly handlers = new Map<string, NotifyHandler>();

  constructor(
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly pay: WechatPayClient,
    private readonly orders: OrdersService,
    private readonly members: MembersService,
    private readonly ledger: LedgerService,
    private readonly fulfilment: FulfilmentService,
  ) {
    this.handlers.set('TRANSACTION.SUCCESS', (resource) =>
      this.onTransactionSuccess(resource as unknown as Transaction),
    );
  }

  onEvent(eventType: string, handler: NotifyHandler) {
    this.handlers.set(eventType, handler);
  }

  /** JSAPI prepay for the owner's unpaid order, and the signed `wx.requestPayment` parameters. */
  async prepay(principal: Principal, orderId: string): Promise<RequestPaymentParams & { outTradeNo: string }> {
    const order = await this.orders.get(principal, orderId);
    if (order.status !== 'PENDING_PAYMENT')
      throw AppError.conflict('ORDER_NOT_PAYABLE', `An order in status ${order.status} cannot be paid`);
    const member = await this.members.require(order.memberId!);
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
    await this.orders.setPrepayId(order.id, prepayId);
    return { ...this.pay.paymentParams(this.config.wechat.appId, prepayId), outTradeNo };
  }

  /**
   * The notify endpoint: signature (platform key, serial), 300 s clock skew, AES-256-GCM resource,
   * then the event's handler. Anything refused changes nothing.
   */
  async handleNotify(
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer | undefined,
  ): Promise<void> {
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
    const handler = this.handlers.get(verified.envelope.event_type);
    if (!handler) {
      this.logger.warn(`Ignoring WeChat Pay event ${verified.envelope.event_type}`);
      return;
    }
    await handler(verified.resource, verified.envelope.event_type);
  }

  private async onTransactionSuccess(t: Transaction): Promise<void> {
    if (t.appid !== this.config.wechat.appId || t.mchid !== this.config.wechatPay.mchid) {
      throw new NotifyRejected(400, 'appid/mchid do not match this merchant');
    }
    if (t.trade_state !== 'SUCCESS') return;
    if (!Number.isSafeInteger(t.amount?.total) || !t.transaction_id)
      throw new NotifyRejected(400, 'transaction without amount or transaction_id');
    const orderId = fromOutTradeNo(t.out_trade_no);
    if (!orderId) throw new NotifyRejected(400, `unknown out_trade_no ${t.out_trade_no}`);
    const paidAt = t.success_time ? new Date(t.success_time) : new Date();
    try {
      await this.tx.run(async (em) =>
        this.recordPayment(em, orderId, t as Transaction & { amount: { total: number } }, paidAt),
      );
    } catch (e) {
      // A concurrent repeat of this notification got there first: already recorded, nothing to do.
      if (isDuplicateKey(e) && (await this.payments.existsBy({ transactionId: t.transaction_id }))) return;
      throw e;
    }
  }

  private async recordPayment(
    em: EntityManager,
    orderId: string,
    t: Transaction & { amount: { total: number } },
    paidAt: Date,
  ) {
    const { order, lines } = await this.orders.requireWithLines(em, orderId).catch(() => {
      throw new NotifyRejected(400, `no order for out_trade_no ${t.out_trade_no}`);
    });
    if (t.amount.total !== order.totalFen) {
      throw new NotifyRejected(400, `amount ${t.amount.total} does not match the order's ${order.totalFen}`);
    }
    const existing = await em.getRepository(PaymentEntity).findOneBy({ orderId });
    if (existing) {
      if (existing.transactionId === t.transaction_id) return; // a repeat
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
    const moved = await this.orders.transition(em, orderId, 'PAID', {
      paidFen: t.amount.total,
      paidAt,
      transactionId: t.transaction_id,
    });
    if (!moved) throw new NotifyRejected(409, `order ${orderId} is ${order.status}, not payable`);
    await this.ledger.accrue(em, this.orders.accrualOf({ order, lines }), paidAt);
    await this.fulfilment.onPaid(em, orderId, paidAt);
  }

  /** Account deletion: the payer's openid leaves these orders' payment records (the money facts stay). */
  async forgetPayer(em: EntityManager, orderIds: string[]): Promise<void> {
    if (orderIds.length) await em.getRepository(PaymentEntity).update({ orderId: In(orderIds) }, { payerOpenid: '' });
  }

  async paymentForOrder(orderId: string): Promise<PaymentEntity | null> {
    return this.payments.findOneBy({ orderId });
  }
}

function rfc3339(ms: number): string {
  // WeChat wants an offset form; Beijing time reads naturally in their console.
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}
