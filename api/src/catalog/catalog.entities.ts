import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'int', nullable: true })
  commissionRateBps!: number | null;

  @InstantColumn()
  createdAt!: Date;
}

@Entity('products')
export class ProductEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index()
  @IdColumn()
  categoryId!: string;

  @Column({ type: 'int', nullable: true })
  commissionRateBps!: number | null;

  @Column({ type: 'varchar', length: 500 })
  imageUrl!: string;

  @InstantColumn()
  createdAt!: Date;
}

@Entity('skus')
export class SkuEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @IdColumn()
  productId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'int' })
  priceFen!: number;

  /** Only ever changed by a conditional UPDATE that cannot go below zero. */
  @Column({ type: 'int' })
  stock!: number;
}
