import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { FenColumn, IdColumn, InstantColumn } from '../common/columns.js';

/**
 * A closed settlement period (month in BUSINESS_TZ). The unique `period` makes closing a period
 * happen once, however many finance clerks press the button at the same time.
 */
@Entity('settlements')
@Unique('uq_settlements_period', ['period'])
export class SettlementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** "YYYY-MM" */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** Entries available before this instant were taken: min(end of the month, closedAt). */
  @InstantColumn()
  cutoffAt!: Date;

  @InstantColumn()
  closedAt!: Date;

  @IdColumn({ nullable: true })
  closedBy!: string | null;

  /** What this settlement pays: the sum of positive closing balances. */
  @FenColumn()
  totalFen!: number;

  /** Net of the entries taken (accrued − reversed + adjusted): ties out with the ledger. */
  @FenColumn()
  entriesFen!: number;

  @FenColumn()
  openingFen!: number;

  /** Negative balances carried into the next period (≤ 0). */
  @FenColumn()
  carriedForwardFen!: number;

  @Column({ type: 'int' })
  entryCount!: number;

  @Column({ type: 'int' })
  statementCount!: number;
}

/** One guide's statement in a settlement (reversedFen positive, see packages/rules settlement.ts). */
@Entity('settlement_statements')
@Unique('uq_statements_settlement_guide', ['settlementId', 'guideId'])
@Index('idx_statements_guide', ['guideId'])
export class StatementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  settlementId!: string;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @IdColumn()
  guideId!: string;

  @IdColumn({ nullable: true })
  storeId!: string | null;

  @FenColumn()
  openingFen!: number;

  @FenColumn()
  accruedFen!: number;

  @FenColumn()
  reversedFen!: number;

  @FenColumn()
  adjustedFen!: number;

  @FenColumn()
  closingFen!: number;

  @FenColumn()
  payableFen!: number;

  @FenColumn()
  carriedForwardFen!: number;

  @Column({ type: 'int' })
  entryCount!: number;
}
