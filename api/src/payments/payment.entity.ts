import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

/** One row per WeChat Pay transaction: the unique transaction_id makes the notify idempotent. */
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
