import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids.js';
import { requestHash } from '../common/request-hash.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { planRefund } from './refund-plan.js';
import { insertRefundLines, newOnlineRefund, refundableLines, refundHoldKey } from './refund-records.js';
import { RefundSubmitter } from './refund-submitter.service.js';
import { RefundEntity } from './refund.entities.js';

/** The one automatic refund of a payment that arrived for a cancelled order whose stock was gone. */
const AUTO_REFUND_KEY = 'auto:paid-after-cancel';
const AUTO_REFUND_REASON = '订单已取消且库存已售出，支付款自动全额退款';

/**
 * Refunds nobody asked for: a payment the payments module cannot keep, handed over by the notify
 * dispatch (wechat-pay-notify/notify-dispatch.ts) inside the payment's transaction.
 */
@Injectable()
export class AutomaticRefunds {
  constructor(
    private readonly orders: OrdersService,
    private readonly ledger: LedgerService,
    private readonly submitter: RefundSubmitter,
  ) {}

  /**
   * A payment that arrived for a cancelled order whose stock was sold meanwhile (inside the
   * payment's transaction): a full refund, recorded like an admin's (visible on the order with its
   * reason) under a fixed key, so a repeated notification never refunds twice. Returns the step
   * that sends it to WeChat Pay after the commit; `RefundSync` re-sends it if that step fails.
   */
  async refundUnsellablePayment(em: EntityManager, orderId: string, at: Date): Promise<() => Promise<void>> {
    const { order, lines } = await this.orders.lockWithLines(em, orderId);
    const existing = await em.getRepository(RefundEntity).findOneBy({ orderId, idempotencyKey: AUTO_REFUND_KEY });
    if (existing) return async () => undefined;
    const plan = planRefund(await refundableLines(em, orderId, lines), { full: true });
    const refund = newOnlineRefund(
      {
        id: newId(at.getTime()),
        orderId,
        amountFen: plan.amountFen,
        reason: AUTO_REFUND_REASON,
        idempotencyKey: AUTO_REFUND_KEY,
        requestHash: requestHash({ auto: AUTO_REFUND_KEY }),
        requestedBy: null,
      },
      at,
    );
    await em.insert(RefundEntity, refund);
    await insertRefundLines(em, refund.id, plan, lines);
    await this.ledger.hold(em, orderId, refundHoldKey(refund.id), at);
    return () => this.submitter.submit(refund, order);
  }
}
