import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LedgerEntryKind } from '@guideshare/contracts';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

/**
 * The commission ledger: append-only. The one permitted update is the one-time assignment of
 * `settlementId`. `dedupeKey` makes every event that a retry can repeat land at most once.
 */
@Entity('ledger_entries')
@Index('idx_ledger_guide_time', ['guideId', 'createdAt'])
@Index('idx_ledger_settle', ['settlementId', 'availableAt'])
export class LedgerEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  dedupeKey!: string;

  @IdColumn()
  guideId!: string;

  @IdColumn({ nullable: true })
  storeId!: string | null;

  @Index()
  @IdColumn({ nullable: true })
  orderId!: string | null;

  @IdColumn({ nullable: true })
  orderLineId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: LedgerEntryKind;

  /** Signed: accruals positive, reversals negative, adjustments either. */
  @FenColumn()
  amountFen!: number;

  @Column({ type: 'int', nullable: true })
  rateBps!: number | null;

  /** The sale amount the entry was computed on (line amount, or refunded amount for a reversal). */
  @FenColumn({ nullable: true })
  baseFen!: number | null;

  @InstantColumn()
  availableAt!: Date;

  @IdColumn({ nullable: true })
  settlementId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
