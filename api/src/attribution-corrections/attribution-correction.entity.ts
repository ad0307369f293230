import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { AttributionRule } from '@guideshare/contracts';
import { IdColumn, InstantColumn } from '../common/columns.js';

/**
 * Every manual change of an order's credit (append-only): who it was credited to before and after,
 * who changed it and why. `seq` numbers an order's corrections; (orderId, seq) is unique, so two
 * concurrent corrections of one order can never both land as the same step.
 */
@Entity('attribution_corrections')
@Unique('uq_attribution_corrections_order_seq', ['orderId', 'seq'])
export class AttributionCorrectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  orderId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @IdColumn({ nullable: true })
  fromGuideId!: string | null;

  @IdColumn({ nullable: true })
  fromStoreId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  fromRule!: AttributionRule;

  @IdColumn()
  toGuideId!: string;

  @IdColumn({ nullable: true })
  toStoreId!: string | null;

  /** The admin who made the correction (or approved the claim). */
  @IdColumn()
  actorId!: string;

  /** The claim (补录) this correction approved, if any. */
  @IdColumn({ nullable: true })
  claimId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @InstantColumn()
  createdAt!: Date;
}
