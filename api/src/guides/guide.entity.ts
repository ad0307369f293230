import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { GuideStatus } from '@guideshare/contracts';
import { IdColumn, InstantColumn } from '../common/columns.js';

export type { GuideStatus };

@Entity('guides')
export class GuideEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @IdColumn()
  storeId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  wecomUserId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: GuideStatus;

  @IdColumn({ nullable: true })
  successorGuideId!: string | null;

  /** The guide's own consumer account, when linked: self-referral is judged against it. */
  @IdColumn({ nullable: true, unique: true })
  memberId!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  departedAt!: Date | null;
}
