import type { Product, Sku, Store } from '@guideshare/contracts';
import { api } from '../lib/api';

export interface SkuInfo {
  product: Product;
  sku: Sku;
}

let cache: { at: number; promise: Promise<Product[]> } | null = null;
const TTL_MS = 60_000;

/** The catalog, shared by pages that only need names for sku ids (orders); cached for a minute. */
export function loadCatalog(force = false): Promise<Product[]> {
  if (!force && cache && Date.now() - cache.at < TTL_MS) return cache.promise;
  const promise = api.products();
  cache = { at: Date.now(), promise };
  promise.catch(() => {
    if (cache?.promise === promise) cache = null;
  });
  return promise;
}

export function resetCatalogCache(): void {
  cache = null;
  storesCache = null;
}

let storesCache: { at: number; promise: Promise<Store[]> } | null = null;

/** Store names for orders (counter sales name their store); cached like the catalog, empty on failure. */
export async function storeIndexSafe(): Promise<Map<string, Store>> {
  if (!storesCache || Date.now() - storesCache.at >= TTL_MS) {
    const promise = api.stores();
    storesCache = { at: Date.now(), promise };
    promise.catch(() => {
      if (storesCache?.promise === promise) storesCache = null;
    });
  }
  try {
    return new Map((await storesCache.promise).map((s) => [s.id, s]));
  } catch {
    return new Map();
  }
}

export function skuIndex(products: Product[]): Map<string, SkuInfo> {
  const map = new Map<string, SkuInfo>();
  for (const product of products) for (const sku of product.skus) map.set(sku.id, { product, sku });
  return map;
}

/** Names for an order's sku ids; an unknown sku (or no catalog) falls back to a short id. */
export async function skuIndexSafe(): Promise<Map<string, SkuInfo>> {
  try {
    return skuIndex(await loadCatalog());
  } catch {
    return new Map();
  }
}
