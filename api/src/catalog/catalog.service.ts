import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { AdminProduct, Category, Product, PublicCategory } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { Transactions } from '../database/transactions.js';
import { CategoryEntity, ProductEntity, SkuEntity } from './catalog.entities.js';
import { skusByProduct, toAdminProduct, toProduct } from './catalog-views.js';
import { CreateCategoryDto, CreateProductDto } from './catalog.dto.js';

/** What an order needs to know about a SKU to price it and rate its commission. */
export interface SkuForSale {
  skuId: string;
  productId: string;
  priceFen: number;
  productRateBps: number | null;
  categoryRateBps: number | null;
}

/** The gallery and its first image from what a create request names (both must agree). */
function gallery(input: { imageUrl?: string; imageUrls?: string[] }): { imageUrl: string; imageUrls: string[] } {
  if (input.imageUrls === undefined)
    return { imageUrl: input.imageUrl ?? '', imageUrls: input.imageUrl ? [input.imageUrl] : [] };
  if (input.imageUrl !== undefined && input.imageUrl !== (input.imageUrls[0] ?? ''))
    throw AppError.badRequest('IMAGE_URL_MISMATCH', 'imageUrl must be the first of imageUrls');
  return { imageUrl: input.imageUrls[0] ?? '', imageUrls: input.imageUrls };
}

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(SkuEntity) private readonly skus: Repository<SkuEntity>,
    private readonly tx: Transactions,
  ) {}

  async createCategory(input: CreateCategoryDto): Promise<Category> {
    const category = {
      id: newId(),
      name: input.name,
      commissionRateBps: input.commissionRateBps ?? null,
      createdAt: new Date(),
    };
    await this.categories.insert(category);
    return { id: category.id, name: category.name, commissionRateBps: category.commissionRateBps };
  }

  /** Categories for consumers: names only, no commission rates. */
  async listCategories(): Promise<PublicCategory[]> {
    return (await this.categories.find({ order: { name: 'ASC' } })).map(({ id, name }) => ({ id, name }));
  }

  async createProduct(input: CreateProductDto): Promise<AdminProduct> {
    if (!(await this.categories.existsBy({ id: input.categoryId }))) {
      throw AppError.badRequest('CATEGORY_NOT_FOUND', `No category ${input.categoryId}`);
    }
    const product: ProductEntity = {
      id: newId(),
      name: input.name,
      categoryId: input.categoryId,
      commissionRateBps: input.commissionRateBps ?? null,
      ...gallery(input),
      description: input.description ?? '',
      onSale: input.onSale ?? true,
      createdAt: new Date(),
    };
    const skus: SkuEntity[] = input.skus.map((s) => ({ id: newId(), productId: product.id, ...s }));
    await this.tx.run(async (em) => {
      await em.insert(ProductEntity, product);
      await em.insert(SkuEntity, skus);
    });
    return toAdminProduct(product, skus);
  }

  /** Products on sale (consumers), optionally of one category and matching every word of `q` (name or description). */
  async listProducts(filter: { categoryId?: string; q?: string } = {}): Promise<Product[]> {
    const query = this.products
      .createQueryBuilder('p')
      .where('p.onSale = :onSale', { onSale: true })
      .orderBy('p.createdAt', 'ASC');
    if (filter.categoryId) query.andWhere('p.categoryId = :categoryId', { categoryId: filter.categoryId });
    const words = (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
    // `!` escapes LIKE's wildcards the same way on MySQL and SQLite.
    words.forEach((word, i) => {
      const like = `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      query.andWhere(`(p.name LIKE :w${i} ESCAPE '!' OR p.description LIKE :w${i} ESCAPE '!')`, { [`w${i}`]: like });
    });
    const products = await query.getMany();
    if (!products.length) return [];
    const skus = await this.skus.find({ where: { productId: In(products.map((p) => p.id)) }, order: { name: 'ASC' } });
    const byProduct = skusByProduct(skus);
    return products.map((p) => toProduct(p, byProduct.get(p.id) ?? []));
  }

  /** A product on sale, for consumers: one off sale is not found. */
  async getProduct(id: string): Promise<Product> {
    const product = await this.products.findOneBy({ id, onSale: true });
    if (!product) throw AppError.notFound('PRODUCT_NOT_FOUND', `No product ${id}`);
    return toProduct(product, await this.skus.find({ where: { productId: id }, order: { name: 'ASC' } }));
  }

  async productExists(id: string): Promise<boolean> {
    return this.products.existsBy({ id });
  }

  /**
   * Prices and rates for the SKUs named; an unknown SKU is a 400 naming it. With `onSaleOnly` (online
   * orders) a SKU of a product off sale is a 409 naming it.
   */
  async skusForSale(
    em: EntityManager,
    skuIds: string[],
    options: { onSaleOnly?: boolean } = {},
  ): Promise<Map<string, SkuForSale>> {
    const skus = await em.getRepository(SkuEntity).findBy({ id: In(skuIds) });
    const missing = skuIds.filter((id) => !skus.some((s) => s.id === id));
    if (missing.length) throw AppError.badRequest('SKU_NOT_FOUND', `Unknown SKU ${missing.join(', ')}`);
    const products = await em
      .getRepository(ProductEntity)
      .findBy({ id: In([...new Set(skus.map((s) => s.productId))]) });
    const offSale = options.onSaleOnly ? skus.filter((s) => !products.find((p) => p.id === s.productId)?.onSale) : [];
    if (offSale.length)
      throw AppError.conflict('PRODUCT_NOT_ON_SALE', `Not on sale: SKU ${offSale.map((s) => s.id).join(', ')}`);
    const categories = await em
      .getRepository(CategoryEntity)
      .findBy({ id: In([...new Set(products.map((p) => p.categoryId))]) });
    const result = new Map<string, SkuForSale>();
    for (const sku of skus) {
      const product = products.find((p) => p.id === sku.productId)!;
      const category = categories.find((c) => c.id === product.categoryId);
      result.set(sku.id, {
        skuId: sku.id,
        productId: product.id,
        priceFen: sku.priceFen,
        productRateBps: product.commissionRateBps,
        categoryRateBps: category?.commissionRateBps ?? null,
      });
    }
    return result;
  }

  /** Conditional decrement: concurrent buyers can never oversell (docs/DOMAIN.md rule 8). */
  async reserveStock(em: EntityManager, skuId: string, quantity: number): Promise<void> {
    const result = await em
      .createQueryBuilder()
      .update(SkuEntity)
      .set({ stock: () => `stock - ${Number(quantity)}` })
      .where('id = :skuId AND stock >= :quantity', { skuId, quantity })
      .execute();
    if (!result.affected) throw AppError.conflict('OUT_OF_STOCK', `Not enough stock for SKU ${skuId}`);
  }

  async releaseStock(em: EntityManager, skuId: string, quantity: number): Promise<void> {
    await em
      .createQueryBuilder()
      .update(SkuEntity)
      .set({ stock: () => `stock + ${Number(quantity)}` })
      .where('id = :skuId', { skuId })
      .execute();
  }
}
