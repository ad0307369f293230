import type { AdminProduct, Category, Product, Sku } from '@guideshare/contracts';
import type { CategoryEntity, ProductEntity, SkuEntity } from './catalog.entities.js';

export const toSku = (s: SkuEntity): Sku => ({ id: s.id, name: s.name, priceFen: s.priceFen, stock: s.stock });

export const toCategory = ({ id, name, commissionRateBps }: CategoryEntity): Category => ({
  id,
  name,
  commissionRateBps,
});

/** What a consumer sees of a product: no commission rates, no sale flag (they see only those on sale). */
export const toProduct = (p: ProductEntity, skus: SkuEntity[]): Product => ({
  id: p.id,
  name: p.name,
  categoryId: p.categoryId,
  imageUrl: p.imageUrl,
  imageUrls: p.imageUrls,
  description: p.description,
  skus: skus.map(toSku),
});

/** What an admin sees: everything. */
export const toAdminProduct = (p: ProductEntity, skus: SkuEntity[]): AdminProduct => ({
  id: p.id,
  name: p.name,
  categoryId: p.categoryId,
  description: p.description,
  imageUrl: p.imageUrl,
  imageUrls: p.imageUrls,
  onSale: p.onSale,
  commissionRateBps: p.commissionRateBps,
  skus: skus.map(toSku),
  createdAt: p.createdAt.toISOString(),
});

/** SKUs grouped by product, each group in the order given. */
export function skusByProduct(skus: SkuEntity[]): Map<string, SkuEntity[]> {
  const byProduct = new Map<string, SkuEntity[]>();
  for (const s of skus) byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s]);
  return byProduct;
}
