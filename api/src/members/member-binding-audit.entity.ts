import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

/**
 * Every change of a member's service guide/store other than a first binding: an admin's reassignment
 * (`reassign`), a departing guide's hand-over (`handover`), or a policy change — the override mode
 * moving the member to the latest sharer (`override`) or a lapsed binding dropped or rebound (`expiry`).
 * Append-only: rows are inserted, never updated or deleted.
 */
export type MemberBindingChangeKind = 'reassign' | 'handover' | 'override' | 'expiry';

@Entity('member_binding_audits')
@Index('idx_member_binding_audits_member_time', ['memberId', 'createdAt'])
export class MemberBindingAuditEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MemberBindingChangeKind;

  @IdColumn({ nullable: true })
  fromGuideId!: string | null;

  @IdColumn({ nullable: true })
  fromStoreId!: string | null;

  @IdColumn({ nullable: true })
  toGuideId!: string | null;

  @IdColumn({ nullable: true })
  toStoreId!: string | null;

  /** The staff account that made the change; null for a system action. */
  @IdColumn({ nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @InstantColumn()
  createdAt!: Date;
}
