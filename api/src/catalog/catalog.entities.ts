import { Column, Entity, Index, PrimaryColumn, Unique, type ValueTransformer } from 'typeorm';
import { IdColumn, InstantColumn } from '../common/columns.js';

/** A list of strings kept as JSON text (portable across MariaDB and sql.js). */
const jsonStrings: ValueTransformer = {
  to: (value: string[] | undefined) => (value === undefined ? value : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as string[]) : []),
};

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

  /** The first of `imageUrls` ('' without images), kept for readers of the single image. */
  @Column({ type: 'varchar', length: 500 })
  imageUrl!: string;

  /** The gallery, in display order. */
  @Column({ type: 'text', transformer: jsonStrings })
  imageUrls!: string[];

  @Column({ type: 'text' })
  description!: string;

  /** Consumers see (and buy online) only products on sale. */
  @Column({ type: 'boolean' })
  onSale!: boolean;

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

/**
 * The audit trail of manual stock changes (stock-taking, damage, deliveries). `dedupeKey` (the
 * request's Idempotency-Key, per SKU) makes a retried adjustment land once.
 */
@Entity('sku_stock_movements')
@Unique('uq_stock_movements_dedupe', ['skuId', 'dedupeKey'])
@Index('idx_stock_movements_sku_time', ['skuId', 'createdAt'])
export class StockMovementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  skuId!: string;

  /** Signed, never 0. */
  @Column({ type: 'int' })
  delta!: number;

  @Column({ type: 'int' })
  stockAfter!: number;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @IdColumn({ nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  dedupeKey!: string | null;

  /** sha256 of the request body: a reused key with another body is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @InstantColumn()
  createdAt!: Date;
}
