import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

/**
 * One row per WeChat Pay transaction: the unique transaction_id makes the notify idempotent. The
 * WeChat facts of a payment (transaction id, WeChat's success time) live here only; the order keeps
 * its own lifecycle facts (`paidFen`, `paidAt`).
 */
@Entity('payments')
export class PaymentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  transactionId!: string;

  @IdColumn({ unique: true })
  orderId!: string;

  @FenColumn()
  amountFen!: number;

  @Column({ type: 'varchar', length: 64 })
  payerOpenid!: string;

  @InstantColumn()
  successTime!: Date;

  @InstantColumn()
  createdAt!: Date;
}

/**
 * The JSAPI prepay of an unpaid online order (WeChat answers the same prepay_id for a repeated
 * out_trade_no). Its presence means WeChat has a transaction to close before the order is cancelled.
 */
@Entity('payment_prepays')
export class PaymentPrepayEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  orderId!: string;

  @Column({ type: 'varchar', length: 64 })
  prepayId!: string;

  @InstantColumn()
  createdAt!: Date;
}
