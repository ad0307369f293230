import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

/** A reconciliation as it was run: its counts for the list, the whole report (JSON) for the detail. */
@Entity('reconciliation_runs')
@Index('idx_reconciliation_runs_time', ['createdAt'])
export class ReconciliationRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** YYYY-MM-DD, the bill's China business day */
  @Column({ type: 'varchar', length: 10 })
  billDate!: string;

  @Column({ type: 'varchar', length: 8 })
  source!: 'upload' | 'wechat';

  @Column({ type: 'int' })
  matched!: number;

  @Column({ type: 'int' })
  missingInLedgerCount!: number;

  @Column({ type: 'int' })
  missingInBillCount!: number;

  @Column({ type: 'int' })
  amountMismatchCount!: number;

  /** The ReconciliationReport as JSON. */
  @Column({ type: 'longtext' })
  report!: string;

  @IdColumn({ nullable: true })
  createdBy!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
