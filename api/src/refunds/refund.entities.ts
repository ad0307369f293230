import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { OrderChannel, RefundStatus } from '@guideshare/contracts';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

/**
 * PROCESSING until WeChat Pay's REFUND.* notify (online); SUCCESS at once at a counter.
 * FAILED: WeChat Pay refused the request outright (nothing was refunded).
 */
export type { RefundStatus }; // transitions: refund-state.ts

/**
 * One refund of an order. Retries land once through unique constraints: (order, Idempotency-Key)
 * for admin refunds, (store, refundNo) at the counter, `outRefundNo` towards WeChat Pay and
 * WeChat's `refund_id` from its notifications.
 */
@Entity('refunds')
@Unique('uq_refunds_order_idempotency', ['orderId', 'idempotencyKey'])
@Unique('uq_refunds_store_refund_no', ['storeId', 'refundNo'])
@Unique('uq_refunds_out_refund_no', ['outRefundNo'])
@Unique('uq_refunds_wechat_refund_id', ['wechatRefundId'])
@Index('idx_refunds_status_completed', ['status', 'completedAt'])
export class RefundEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @IdColumn()
  orderId!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: OrderChannel;

  @Column({ type: 'varchar', length: 16 })
  status!: RefundStatus;

  @FenColumn()
  amountFen!: number;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  /** Admin refunds: the client's Idempotency-Key, with the request's hash (a changed body is a 409). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** Counter refunds: the refunding store and its refund number. */
  @IdColumn({ nullable: true })
  storeId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  refundNo!: string | null;

  /** Our out_refund_no at WeChat Pay (online only): the refund id without dashes. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  outRefundNo!: string | null;

  /** WeChat Pay's refund_id, once known. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatRefundId!: string | null;

  /** Staff account that asked for it (online). */
  @IdColumn({ nullable: true })
  requestedBy!: string | null;

  /** Why it ended as it did (WeChat's refusal, the abnormal account …). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @InstantColumn()
  createdAt!: Date;

  /** When WeChat Pay accepted the request (null: not yet, or unknown after a network failure). */
  @InstantColumn({ nullable: true })
  submittedAt!: Date | null;

  /** SUCCESS: WeChat's success_time (or the counter's time); CLOSED/ABNORMAL/FAILED: when we learned. */
  @InstantColumn({ nullable: true })
  completedAt!: Date | null;
}

/** How a refund splits over the order's lines; fixed when the refund is created. */
@Entity('refund_lines')
@Unique('uq_refund_lines_refund_line', ['refundId', 'orderLineId'])
export class RefundLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  refundId!: string;

  @Index()
  @IdColumn()
  orderLineId!: string;

  /** The order line's position, so a refund lists its lines in the order's order. */
  @Column({ type: 'int' })
  lineNo!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @FenColumn()
  amountFen!: number;
}
