// The catalog and the organisation as the mini-program and the console read them.
export interface Store {
  id: string;
  name: string;
  city: string;
}
export interface Guide {
  id: string;
  storeId: string;
  name: string;
  wecomUserId: string;
  status: 'active' | 'departed';
}
export interface Category {
  id: string;
  name: string;
  commissionRateBps: number | null;
}
export interface Sku {
  id: string;
  name: string;
  priceFen: number;
  stock: number;
}
export interface Product {
  id: string;
  name: string;
  categoryId: string;
  /** The first of `imageUrls`, or '' without images. */
  imageUrl: string;
  imageUrls: string[];
  description: string;
  skus: Sku[];
}
