import { api, ApiError } from './client';
import type { Category, Product } from './types';

/** A product as the admin sees it (the contract's fields plus the management ones). */
export type AdminProduct = Product & {
  onSale?: boolean;
  description?: string | null;
  imageUrls?: string[];
};

/** Admin listing (every product, on sale or not) where the server has it, else the public catalog. */
export async function listProducts(): Promise<AdminProduct[]> {
  try {
    return await api<AdminProduct[]>('/admin/products');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return api<AdminProduct[]>('/products');
    throw e;
  }
}

export async function getProduct(id: string): Promise<AdminProduct> {
  try {
    return await api<AdminProduct>(`/admin/products/${id}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405) && e.code !== 'PRODUCT_NOT_FOUND')
      return api<AdminProduct>(`/products/${id}`);
    throw e;
  }
}

export function listCategories(): Promise<Category[]> {
  return api<Category[]>('/categories');
}

export function imagesOf(p: AdminProduct): string[] {
  if (p.imageUrls?.length) return p.imageUrls;
  return p.imageUrl ? [p.imageUrl] : [];
}

/** Uploads one image (multipart field `file`) → its URL. */
export async function uploadImage(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { url } = await api<{ url: string }>('/admin/uploads', { method: 'POST', raw: form });
  return url;
}
