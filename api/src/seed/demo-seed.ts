import type { INestApplication } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service.js';
import { Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { LivesService } from '../lives/lives.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { StoresService } from '../stores/stores.service.js';
import { UploadsService } from '../uploads/uploads.service.js';
import { CATEGORIES, GUIDES, PRODUCTS, STORES } from './demo-catalog.js';
import { productImage } from './product-images.js';

export interface DemoSeed {
  seeded: boolean;
  stores: Array<{ id: string; name: string; city: string }>;
  guides: Array<{ id: string; name: string; storeId: string; wecomUserId: string }>;
  products: Array<{ id: string; name: string }>;
}

/** Demo stores, guides, catalog and a live, once: a database that has stores is left alone. */
export async function seedDemo(app: INestApplication, now = new Date()): Promise<DemoSeed> {
  const stores = app.get(StoresService);
  const guides = app.get(GuidesService);
  const catalog = app.get(CatalogService);
  const lives = app.get(LivesService);
  const uploads = app.get(UploadsService);
  await app.get(PolicyService).current(app.get(Transactions).outside);
  const existing = await stores.list();
  if (existing.length) {
    return {
      seeded: false,
      stores: existing,
      guides: await guides.list(),
      products: (await catalog.listProducts()).map(({ id, name }) => ({ id, name })),
    };
  }
  const createdStores = [];
  for (const s of STORES) createdStores.push(await stores.create(s));
  const createdGuides = [];
  for (const g of GUIDES)
    createdGuides.push(
      await guides.create({ storeId: createdStores[g.store].id, name: g.name, wecomUserId: g.wecomUserId }),
    );
  const categories = [];
  for (const c of CATEGORIES)
    categories.push(
      await catalog.createCategory({ name: c.name, commissionRateBps: c.commissionRateBps ?? undefined }),
    );
  const products = [];
  for (const p of PRODUCTS) {
    // Two shots per product, drawn here and stored like any upload (served at /api/uploads/:id).
    const imageUrls = [];
    for (const variant of [0, 1]) imageUrls.push((await uploads.store(productImage(p.look, variant), null)).url);
    products.push(
      await catalog.createProduct({
        name: p.name,
        categoryId: categories[p.category].id,
        commissionRateBps: p.commissionRateBps ?? undefined,
        description: p.description,
        imageUrls,
        skus: p.skus,
      }),
    );
  }
  const hour = 3_600_000;
  await lives.create({
    title: '周末护肤专场直播',
    storeId: createdStores[1].id,
    startsAt: new Date(now.getTime() - hour).toISOString(),
    endsAt: new Date(now.getTime() + 30 * 24 * hour).toISOString(),
  });
  return {
    seeded: true,
    stores: createdStores,
    guides: createdGuides,
    products: products.map(({ id, name }) => ({ id, name })),
  };
}
