import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { AfterSaleStatus } from '@guideshare/contracts';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

/**
 * A consumer's request for a refund (售后) of their order. Ops approve it (the refund then runs
 * through the refund flow) or reject it. Retries land once: (order, Idempotency-Key) is unique, and
 * `openFor` (the order id while a request is open, else null) allows one open request per order.
 */
@Entity('after_sales')
@Unique('uq_after_sales_order_idempotency', ['orderId', 'idempotencyKey'])
@Index('uq_after_sales_open', ['openFor'], { unique: true })
@Index('idx_after_sales_status_time', ['status', 'createdAt'])
@Index('idx_after_sales_order', ['orderId'])
export class AfterSaleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  orderId!: string;

  /** The buyer who asked. */
  @IdColumn()
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: AfterSaleStatus;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  /** The lines asked for, as JSON `[{lineId, quantity}]`; null when asked by amount or for everything. */
  @Column({ type: 'varchar', length: 4000, nullable: true })
  linesJson!: string | null;

  @FenColumn({ nullable: true })
  amountFen!: number | null;

  /** What the request came to when it was made (the refund plan's amount). */
  @FenColumn()
  requestedFen!: number;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** The order id while the request is open (REQUESTED or APPROVED and not yet refunded), else null. */
  @IdColumn({ nullable: true })
  openFor!: string | null;

  /** The refund made on approval. */
  @IdColumn({ nullable: true })
  refundId!: string | null;

  /** Counts refunds that could not be made, so the next approval asks with a fresh key. */
  @Column({ type: 'int' })
  refundAttempt!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason!: string | null;

  /** The staff account that approved or rejected. */
  @IdColumn({ nullable: true })
  decidedBy!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  decidedAt!: Date | null;

  @InstantColumn({ nullable: true })
  refundedAt!: Date | null;
}
