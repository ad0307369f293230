import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

/** Each PUT appends a version; orders keep the version that decided them. */
@Entity('policy_versions')
export class PolicyVersionEntity {
  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'int' })
  onlineWindowHours!: number;

  @Column({ type: 'int' })
  storeWindowHours!: number;

  @Column({ type: 'varchar', length: 8 })
  selfReferral!: 'deny' | 'allow';

  @Column({ type: 'int' })
  defaultRateBps!: number;

  @Column({ type: 'int' })
  serviceRateBps!: number;

  @Column({ type: 'int' })
  coolingOffDays!: number;

  @InstantColumn()
  createdAt!: Date;
}
