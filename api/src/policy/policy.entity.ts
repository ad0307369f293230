import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BindingMode, ServicePriority } from '@guideshare/contracts';
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

  // Attribution policy options (docs/DOMAIN.md); the column defaults are today's behaviour for old versions.
  @Column({ type: 'varchar', length: 16, default: 'first_touch' })
  bindingMode!: BindingMode;

  @Column({ type: 'int', nullable: true })
  bindingValidityDays!: number | null;

  @Column({ type: 'int', default: 0 })
  protectionDays!: number;

  @Column({ type: 'varchar', length: 32, default: 'sharer_first' })
  servicePriority!: ServicePriority;

  @Column({ type: 'boolean', default: true })
  crossStoreShareCredit!: boolean;

  @InstantColumn()
  createdAt!: Date;
}
