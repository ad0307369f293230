// The catalog and the organisation as the mini-program and the console read them.
export interface Store {
  id: string;
  name: string;
  city: string;
}
/** A guide who left keeps their history but earns nothing new (docs/DOMAIN.md "Guides and WeCom"). */
export type GuideStatus = 'active' | 'departed';
export interface Guide {
  id: string;
  storeId: string;
  name: string;
  wecomUserId: string;
  status: GuideStatus;
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

/** `GET /api/categories`: what a consumer sees of a category (no commission rate). */
export type PublicCategory = Pick<Category, 'id' | 'name'>;

/** A livestream: `GET /api/lives` (newest first) and the console's live management. */
export interface Live {
  id: string;
  title: string;
  storeId: string;
  startsAt: string;
  endsAt: string;
}

/** `GET /api/config`: public settings the mini-program needs. */
export interface AppConfig {
  appId: string;
  /** the business time zone reports count days in (e.g. Asia/Shanghai) */
  businessTz: string;
  /** the local WeChat Pay simulator (H5 demo); null in production */
  simulatorUrl: string | null;
  /** The attribution policy's online window: a stored share code older than this is dropped. */
  onlineWindowHours: number;
}
