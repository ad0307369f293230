import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { WechatApiError, WechatPayClient } from '@guideshare/wechat';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { OrderEntity } from '../orders/order.entities.js';
import { PaymentsService } from '../payments/payments.service.js';
import { refundHoldKey } from './refund-records.js';
import { RefundEntity } from './refund.entities.js';

/** WeChat's `reason` is at most 80 characters. */
const WECHAT_REASON_MAX = 80;

/** Sends online refunds to WeChat Pay (POST /v3/refund/domestic/refunds). */
@Injectable()
export class RefundSubmitter {
  private readonly logger = new Logger('Refunds');

  constructor(
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly pay: WechatPayClient,
    private readonly ledger: LedgerService,
    private readonly payments: PaymentsService,
  ) {}

  /** Sends the refund to WeChat Pay. A definite refusal fails it (and frees the order); no answer leaves it to a retry. */
  async submit(refund: RefundEntity, order: OrderEntity): Promise<void> {
    try {
      // The order was refundable because it has a payment: its WeChat transaction is what is refunded.
      const payment = await this.payments.paymentOf(this.tx.outside, order.id);
      const answer = await this.pay.createRefund({
        transaction_id: payment!.transactionId,
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
}
