import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

@Entity('shares')
@Index('idx_shares_guide_time', ['guideId', 'createdAt'])
export class ShareEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'product' | 'live' | 'store' | 'poster';

  @IdColumn()
  targetId!: string;

  @IdColumn()
  guideId!: string;

  /** The guide's store when the code was issued: a later transfer does not rewrite history. */
  @IdColumn()
  storeId!: string;

  @InstantColumn()
  createdAt!: Date;
}

/** A touch: a consumer opening the mini-program through a share code. Append-only. */
@Entity('visits')
@Index('idx_visits_member_time', ['memberId', 'visitedAt'])
@Index('idx_visits_guide_time', ['guideId', 'visitedAt'])
@Index('idx_visits_group_time', ['openGId', 'visitedAt'])
export class VisitEntity {
  /** UUIDv7: sorts by time, no auto-increment hot spot. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  memberId!: string;

  @Column({ type: 'varchar', length: 32 })
  shareCode!: string;

  @IdColumn()
  guideId!: string;

  @IdColumn()
  storeId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'product' | 'live' | 'store' | 'poster';

  @IdColumn()
  targetId!: string;

  @Column({ type: 'int', nullable: true })
  scene!: number | null;

  @Column({ type: 'int', nullable: true })
  chatType!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  path!: string | null;

  /** The WeChat group (openGId) the card was opened in, decrypted from getGroupEnterInfo; else null. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  openGId!: string | null;

  @InstantColumn()
  visitedAt!: Date;
}
