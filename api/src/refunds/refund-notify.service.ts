import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { RefundNotificationResource } from '@guideshare/wechat';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotifyRejected } from '../payments/payments.service.js';
import { RefundSettlement } from './refund-settlement.service.js';
import type { ReportedRefundStatus } from './refund-state.js';
import { RefundEntity } from './refund.entities.js';

/**
 * WeChat Pay's REFUND.SUCCESS / REFUND.CLOSED / REFUND.ABNORMAL notifications (wired by event type in
 * `wechat-pay-notify/notify-dispatch.ts`).
 */
@Injectable()
export class RefundNotifications {
  constructor(
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settlement: RefundSettlement,
  ) {}

  /** Plaintext `refund_status`, idempotent by refund_id: checked against this merchant, then settled. */
  async onNotify(r: RefundNotificationResource, status: ReportedRefundStatus): Promise<void> {
    const eventType = `REFUND.${status}`;
    if (r.mchid !== this.config.wechatPay.mchid) throw new NotifyRejected(400, 'mchid does not match this merchant');
    if (r.refund_status !== undefined && r.refund_status !== status)
      throw new NotifyRejected(400, `${eventType} carries refund_status ${r.refund_status}`);
    if (!r.out_refund_no || !r.refund_id)
      throw new NotifyRejected(400, 'refund notification without out_refund_no or refund_id');
    const known = await this.refunds.findOneBy({ outRefundNo: r.out_refund_no });
    if (!known) throw new NotifyRejected(404, `unknown out_refund_no ${r.out_refund_no}`);
    await this.settlement.settle(known, {
      status,
      refundId: r.refund_id,
      transactionId: r.transaction_id,
      amountFen: r.amount?.refund,
      successTime: r.success_time,
      account: r.user_received_account,
    });
  }
}
