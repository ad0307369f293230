import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WechatPayClient } from '@guideshare/wechat';
import { Transactions } from '../database/transactions.js';
import { OrdersService } from '../orders/orders.service.js';
import { RefundSettlement } from './refund-settlement.service.js';
import { RefundSubmitter } from './refund-submitter.service.js';
import { RefundEntity } from './refund.entities.js';

/** The sweep for online refunds whose notification never came (run once a minute by RefundsModule). */
@Injectable()
export class RefundSync {
  private readonly logger = new Logger('Refunds');

  constructor(
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    private readonly pay: WechatPayClient,
    private readonly orders: OrdersService,
    private readonly submitter: RefundSubmitter,
    private readonly settlement: RefundSettlement,
    private readonly tx: Transactions,
  ) {}

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
          const { order } = await this.orders.requireWithLines(this.tx.outside, refund.orderId);
          await this.submitter.submit(refund, order);
          continue;
        }
        const answer = await this.pay.queryRefund(refund.outRefundNo!);
        if (answer.status === 'PROCESSING') continue;
        await this.settlement.settle(refund, {
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
}
