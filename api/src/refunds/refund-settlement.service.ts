import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OrderStatus } from '@guideshare/contracts';
import { Transactions } from '../database/transactions.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { OrderLineEntity } from '../orders/order.entities.js';
import { OrdersService } from '../orders/orders.service.js';
import { NotifyRejected, PaymentsService } from '../payments/payments.service.js';
import { refundHoldKey } from './refund-records.js';
import { canRefundMove } from './refund-state.js';
import { RefundEntity, RefundLineEntity, type RefundStatus } from './refund.entities.js';

/** WeChat Pay's final word on a refund, from a REFUND.* notify or a query. */
export interface RefundReport {
  status: RefundStatus;
  refundId: string;
  transactionId?: string;
  amountFen?: number;
  successTime?: string;
  account?: string;
}

type SettledHandler = (em: EntityManager, refund: RefundEntity) => Promise<void>;

/** Settles refunds: WeChat Pay's report on an online refund, and the money going back for any refund. */
@Injectable()
export class RefundSettlement {
  private readonly logger = new Logger('Refunds');
  /** Told, inside the settling transaction, when an online refund ends (after-sales follow their refund). */
  private readonly settled: SettledHandler[] = [];

  constructor(
    private readonly tx: Transactions,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly ledger: LedgerService,
  ) {}

  /** Registers `handler` to run in the transaction that records an online refund's SUCCESS or CLOSED. */
  onSettled(handler: SettledHandler) {
    this.settled.push(handler);
  }

  /**
   * Applies WeChat Pay's final word on a refund (from a notify or a query). Idempotent: the refund's
   * status moves by a conditional update under the order's lock, so a repeated or concurrent report
   * finds it already moved and changes nothing. SUCCESS records the refund on the order and appends
   * the reversals; CLOSED and ABNORMAL leave money and commission as they were. Every final status
   * releases the order's hold. Refuses (NotifyRejected) a report that contradicts what we asked for.
   */
  async settle(known: RefundEntity, report: RefundReport): Promise<void> {
    const { status } = report;
    await this.tx.run(async (em) => {
      const { order, lines } = await this.orders.lockWithLines(em, known.orderId);
      const refund = await em.getRepository(RefundEntity).findOneByOrFail({ id: known.id });
      if (refund.wechatRefundId && refund.wechatRefundId !== report.refundId)
        throw new NotifyRejected(
          409,
          `refund ${refund.id} is WeChat refund ${refund.wechatRefundId}, not ${report.refundId}`,
        );
      const paid = report.transactionId ? await this.payments.paymentOf(em, order.id) : null;
      if (paid && report.transactionId !== paid.transactionId)
        throw new NotifyRejected(400, 'transaction_id does not match the order');
      if (report.amountFen !== refund.amountFen)
        throw new NotifyRejected(
          400,
          `refund amount ${report.amountFen} does not match the requested ${refund.amountFen}`,
        );
      if (refund.status === status) return; // a repeat
      if (status === 'FAILED' || !canRefundMove(refund.status, status)) {
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

  /** Money went back: the order's lines and status, then the reversals from the lines as they were before. */
  async applySuccess(
    em: EntityManager,
    refund: RefundEntity,
    orderLines: readonly OrderLineEntity[],
    at: Date,
  ): Promise<OrderStatus> {
    const parts = await em.getRepository(RefundLineEntity).findBy({ refundId: refund.id });
    const before = new Map(orderLines.map((l) => [l.id, l.refundedFen]));
    const status = await this.orders.applyRefund(em, refund.orderId, {
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
}
