import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

/**
 * A member code once redeemed for a receipt. A code is the member's code of one time step, so the
 * primary key (member, step) is what makes one code good for one receipt only, whatever the store
 * and however concurrent the counters. Append-only.
 */
@Entity('member_code_uses')
export class MemberCodeUseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId!: string;

  /** The one-minute step the code was issued in (member-code.ts). */
  @PrimaryColumn({ type: 'int' })
  step!: number;

  @IdColumn()
  storeId!: string;

  @Column({ type: 'varchar', length: 64 })
  receiptNo!: string;

  @InstantColumn()
  usedAt!: Date;
}
