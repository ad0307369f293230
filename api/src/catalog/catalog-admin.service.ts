import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AdminProduct, Category, Sku, StockAdjustmentResponse, StockMovement } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { changesOf } from '../common/patch.js';
import { requestHash } from '../common/request-hash.js';
import { insertOrReplay } from '../database/insert-or-replay.js';
import { Transactions } from '../database/transactions.js';
import { CategoryEntity, ProductEntity, SkuEntity, StockMovementEntity } from './catalog.entities.js';
import type { StockAdjustmentDto, UpdateCategoryDto, UpdateProductDto, UpdateSkuDto } from './catalog.dto.js';
import { skusByProduct, toAdminProduct, toCategory, toSku } from './catalog-views.js';

const toMovement = (m: StockMovementEntity): StockMovement => ({
  id: m.id,
  skuId: m.skuId,
  delta: m.delta,
  stockAfter: m.stockAfter,
  reason: m.reason,
  actorId: m.actorId,
  createdAt: m.createdAt.toISOString(),
});

/** Catalog management for the console (admin): everything an operator sees and edits. */
@Injectable()
export class CatalogAdminService {
  constructor(
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(SkuEntity) private readonly skus: Repository<SkuEntity>,
    @InjectRepository(StockMovementEntity) private readonly movements: Repository<StockMovementEntity>,
    private readonly tx: Transactions,
  ) {}

  async listCategories(): Promise<Category[]> {
    return (await this.categories.find({ order: { name: 'ASC' } })).map(toCategory);
  }

  async updateCategory(id: string, input: UpdateCategoryDto): Promise<Category> {
    const changes = changesOf(input);
    const category = await this.categories.findOneBy({ id });
    if (!category) throw AppError.notFound('CATEGORY_NOT_FOUND', `No category ${id}`);
    await this.categories.update({ id }, changes);
    return toCategory({ ...category, ...changes });
  }

  /** Every product, on sale or not, newest first. */
  async listProducts(): Promise<AdminProduct[]> {
    const [products, skus] = await Promise.all([
      this.products.find({ order: { createdAt: 'DESC', id: 'DESC' } }),
      this.skus.find({ order: { name: 'ASC' } }),
    ]);
    const byProduct = skusByProduct(skus);
    return products.map((p) => toAdminProduct(p, byProduct.get(p.id) ?? []));
  }

  async getProduct(id: string): Promise<AdminProduct> {
    const product = await this.requireProduct(id);
    return toAdminProduct(product, await this.skus.find({ where: { productId: id }, order: { name: 'ASC' } }));
  }

  /** Name, category, description, gallery (imageUrl follows its first image), rate, on/off sale. */
  async updateProduct(id: string, input: UpdateProductDto): Promise<AdminProduct> {
    const { imageUrls, ...rest } = changesOf(input);
    await this.requireProduct(id);
    if (rest.categoryId !== undefined && !(await this.categories.existsBy({ id: rest.categoryId })))
      throw AppError.badRequest('CATEGORY_NOT_FOUND', `No category ${rest.categoryId}`);
    const changes: Partial<ProductEntity> = { ...rest };
    if (imageUrls !== undefined) Object.assign(changes, { imageUrls, imageUrl: imageUrls[0] ?? '' });
    await this.products.update({ id }, changes);
    return this.getProduct(id);
  }

  async updateSku(id: string, input: UpdateSkuDto): Promise<Sku> {
    const changes = changesOf(input);
    const sku = await this.requireSku(id);
    await this.skus.update({ id }, changes);
    return toSku({ ...sku, ...changes });
  }

  /**
   * A manual stock change with its reason, audited. One conditional UPDATE (`stock + delta >= 0`)
   * guards the floor against concurrent orders; the movement row records the stock it left. With an
   * Idempotency-Key the same request lands once (a replay answers the first movement).
   */
  async adjustStock(
    skuId: string,
    input: StockAdjustmentDto,
    actorId: string | null,
    key: string | null,
  ): Promise<StockAdjustmentResponse & { replayed: boolean }> {
    const hash = requestHash({ delta: input.delta, reason: input.reason });
    const previous = key ? await this.replay(skuId, key, hash) : null;
    if (previous) return { ...previous, replayed: true };
    const insert = () =>
      this.tx.run(async (em) => {
        if (!(await em.existsBy(SkuEntity, { id: skuId }))) throw AppError.notFound('SKU_NOT_FOUND', `No SKU ${skuId}`);
        const delta = Number(input.delta);
        const result = await em
          .createQueryBuilder()
          .update(SkuEntity)
          .set({ stock: () => `stock + ${delta}` })
          .where('id = :skuId AND stock + :delta >= 0', { skuId, delta })
          .execute();
        if (!result.affected)
          throw AppError.conflict('OUT_OF_STOCK', `SKU ${skuId} has fewer than ${-delta} units in stock`);
        const sku = (await em.findOneBy(SkuEntity, { id: skuId }))!;
        const movement: StockMovementEntity = {
          id: newId(),
          skuId,
          delta,
          stockAfter: sku.stock,
          reason: input.reason,
          actorId,
          dedupeKey: key,
          requestHash: hash,
          createdAt: new Date(),
        };
        await em.insert(StockMovementEntity, movement);
        return { sku: toSku(sku), movement: toMovement(movement) };
      });
    // The loser of a race between two requests with the same key answers with the winner's movement.
    const { value, replayed } = await insertOrReplay(insert, async () => (key ? this.replay(skuId, key, hash) : null));
    return { ...value, replayed };
  }

  async stockMovements(skuId: string): Promise<StockMovement[]> {
    await this.requireSku(skuId);
    const rows = await this.movements.find({ where: { skuId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
    return rows.map(toMovement);
  }

  private async replay(skuId: string, key: string, hash: string): Promise<StockAdjustmentResponse | null> {
    const prior = await this.movements.findOneBy({ skuId, dedupeKey: key });
    if (!prior) return null;
    if (prior.requestHash !== hash)
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another adjustment');
    return { sku: toSku(await this.requireSku(skuId)), movement: toMovement(prior) };
  }

  private async requireProduct(id: string): Promise<ProductEntity> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw AppError.notFound('PRODUCT_NOT_FOUND', `No product ${id}`);
    return product;
  }

  private async requireSku(id: string): Promise<SkuEntity> {
    const sku = await this.skus.findOneBy({ id });
    if (!sku) throw AppError.notFound('SKU_NOT_FOUND', `No SKU ${id}`);
    return sku;
  }
}
