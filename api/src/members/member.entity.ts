import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

@Entity('members')
@Index('uq_members_code_no', ['codeNo'], { unique: true })
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  openid!: string;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @InstantColumn({ nullable: true })
  registeredAt!: Date | null;

  /** Binding (docs/DOMAIN.md rule 5): set once, by the first share touch or registration. */
  @IdColumn({ nullable: true })
  openingGuideId!: string | null;

  @Index()
  @IdColumn({ nullable: true })
  serviceGuideId!: string | null;

  @IdColumn({ nullable: true })
  serviceStoreId!: string | null;

  @InstantColumn({ nullable: true })
  boundAt!: Date | null;

  /** The service guide's latest share touch of this member (renewed at most hourly): binding validity. */
  @InstantColumn({ nullable: true })
  serviceTouchedAt!: Date | null;

  /**
   * The member's random 10-digit code number, enciphered into every member code (member-code.ts).
   * Set when the member is created; null only for members created before it existed (assigned on
   * their first code).
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  codeNo!: string | null;

  @InstantColumn()
  createdAt!: Date;

  /**
   * When the member deleted their account: the identifiers (openid, unionid, phone, code number)
   * are gone and their tokens stop working; the row stays, as orders and the ledger refer to it.
   */
  @InstantColumn({ nullable: true })
  deletedAt!: Date | null;
}
