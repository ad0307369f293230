import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

/**
 * Who runs a background sweep right now. A holder renews its lease each round; a holder that crashed
 * stops renewing and its lease lapses, so another instance takes over.
 */
@Entity('leases')
export class LeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  holder!: string;

  @InstantColumn()
  expiresAt!: Date;
}
