import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

@Entity('stores')
export class StoreEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  city!: string;

  @InstantColumn()
  createdAt!: Date;
}

/** A counter's secret: only its SHA-256 is kept; revocation is a timestamp, never a delete. */
@Entity('store_keys')
export class StoreKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  storeId!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  keyHash!: string;

  @Column({ type: 'varchar', length: 12 })
  keyPrefix!: string;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;
}
