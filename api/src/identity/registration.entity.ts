import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

/**
 * One row per member registration (开卡), written in the transaction that registers the member:
 * who the new member is credited to (the opening guide, 开卡导购) with the share touch the
 * registration came through, and an indexed log that the reports count "new members opened" from
 * without scanning `members`. The primary key on the member makes a second row impossible.
 */
@Entity('member_registrations')
@Index('idx_member_registrations_guide_time', ['openingGuideId', 'registeredAt'])
@Index('idx_member_registrations_time', ['registeredAt'])
export class MemberRegistrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId!: string;

  @InstantColumn()
  registeredAt!: Date;

  /** The member's opening guide once registered (null: registered without ever meeting a guide). */
  @IdColumn({ nullable: true })
  openingGuideId!: string | null;

  /** That guide's store at registration: history is not rewritten when a guide moves. */
  @IdColumn({ nullable: true })
  openingStoreId!: string | null;

  /** The current share touch at registration (the registering guide's card), if any. */
  @IdColumn({ nullable: true })
  touchGuideId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  shareCode!: string | null;

  @InstantColumn({ nullable: true })
  touchedAt!: Date | null;
}
