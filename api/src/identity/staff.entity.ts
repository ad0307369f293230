import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '@guideshare/contracts';
import { IdColumn, InstantColumn } from '../common/columns.js';

@Entity('staff_accounts')
export class StaffAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  /** `scrypt$<salt, base64>$<32-byte key, base64>` (identity/passwords.ts) */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: StaffRole;

  /** A clerk's store (the only one it may act for); null for admin and finance. */
  @IdColumn({ nullable: true })
  storeId!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
