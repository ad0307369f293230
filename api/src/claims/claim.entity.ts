import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ClaimStatus } from '@guideshare/contracts';
import { IdColumn, InstantColumn } from '../common/columns.js';

export type { ClaimStatus };

/** The claim state machine as data; each move is `UPDATE … WHERE status IN (sources)`. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  REQUESTED: ['APPROVED', 'REJECTED'],
  APPROVED: [],
  REJECTED: [],
};

export const claimSourcesOf = (to: ClaimStatus): ClaimStatus[] =>
  (Object.keys(CLAIM_TRANSITIONS) as ClaimStatus[]).filter((from) => CLAIM_TRANSITIONS[from].includes(to));

/**
 * A guide's claim (补录) of a counter sale nobody was credited for. One claim per guide and receipt:
 * the unique key makes a repeated claim a 409, never a second row.
 */
@Entity('attribution_claims')
@Unique('uq_attribution_claims_guide_receipt', ['guideId', 'storeId', 'receiptNo'])
@Index('idx_attribution_claims_status_time', ['status', 'createdAt'])
export class ClaimEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  guideId!: string;

  @IdColumn()
  storeId!: string;

  @Column({ type: 'varchar', length: 64 })
  receiptNo!: string;

  @IdColumn()
  orderId!: string;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ClaimStatus;

  @IdColumn({ nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionReason!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  decidedAt!: Date | null;
}
