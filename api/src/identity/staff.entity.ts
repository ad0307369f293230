import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

@Entity('staff_accounts')
export class StaffAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  /** scrypt$N$salt$hash */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: 'admin' | 'finance';

  @InstantColumn()
  createdAt!: Date;
}
