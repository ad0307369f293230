import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

/**
 * "Held back while a refund is in progress": while an order has an open hold (`releasedAt IS NULL`)
 * none of its ledger entries counts as available, and settlement skips them. A hold is opened in the
 * transaction that creates a WeChat Pay refund and released when the refund ends (SUCCESS, CLOSED,
 * ABNORMAL or refused). Holds are not ledger entries: they carry no money.
 */
@Entity('ledger_holds')
@Unique('uq_ledger_holds_key', ['holdKey'])
@Index('idx_ledger_holds_order', ['orderId', 'releasedAt'])
export class LedgerHoldEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  orderId!: string;

  /** What holds the order, e.g. `refund:<refundId>`: one hold per cause. */
  @Column({ type: 'varchar', length: 80 })
  holdKey!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  releasedAt!: Date | null;
}
