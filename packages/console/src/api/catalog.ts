import type { AdminProduct, Category, UploadResponse } from '@guideshare/contracts';
import { api } from './client';

export type { AdminProduct };

/** Every product, on sale or not, with the management fields. */
export function listProducts(): Promise<AdminProduct[]> {
  return api<AdminProduct[]>('/admin/products');
}

export function getProduct(id: string): Promise<AdminProduct> {
  return api<AdminProduct>(`/admin/products/${id}`);
}

export function listCategories(): Promise<Category[]> {
  return api<Category[]>('/admin/categories');
}

export function imagesOf(p: AdminProduct): string[] {
  if (p.imageUrls?.length) return p.imageUrls;
  return p.imageUrl ? [p.imageUrl] : [];
}

/** Uploads one image (multipart field `file`) → its URL. */
export async function uploadImage(file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { url } = await api<UploadResponse>('/admin/uploads', { method: 'POST', raw: form });
  return url;
}
