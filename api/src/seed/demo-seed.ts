import type { INestApplication } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service.js';
import { GuidesService } from '../guides/guides.service.js';
import { LivesService } from '../lives/lives.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { StoresService } from '../stores/stores.service.js';

export interface DemoSeed {
  seeded: boolean;
  stores: Array<{ id: string; name: string; city: string }>;
  guides: Array<{ id: string; name: string; storeId: string; wecomUserId: string }>;
  products: Array<{ id: string; name: string }>;
}

const STORES = [
  { name: '上海南京西路店', city: '上海' },
  { name: '杭州湖滨店', city: '杭州' },
];

const GUIDES = [
  { name: '王小美', wecomUserId: 'guide-wang', store: 0 },
  { name: '李晓东', wecomUserId: 'guide-li', store: 0 },
  { name: '陈静', wecomUserId: 'guide-chen', store: 1 },
];

const CATEGORIES = [
  { name: '护肤', commissionRateBps: 800 },
  { name: '彩妆', commissionRateBps: 600 },
  { name: '香氛', commissionRateBps: null },
];

const PRODUCTS = [
  {
    name: '玻尿酸保湿精华 30ml',
    category: 0,
    commissionRateBps: 1000,
    skus: [{ name: '30ml', priceFen: 26900, stock: 500 }],
  },
  {
    name: '氨基酸洁面乳',
    category: 0,
    commissionRateBps: null,
    skus: [
      { name: '100g', priceFen: 8900, stock: 800 },
      { name: '200g 家庭装', priceFen: 15900, stock: 300 },
    ],
  },
  {
    name: '丝绒雾面口红',
    category: 1,
    commissionRateBps: null,
    skus: [
      { name: '#01 正红', priceFen: 19900, stock: 400 },
      { name: '#05 豆沙', priceFen: 19900, stock: 400 },
    ],
  },
  {
    name: '小苍兰香水 50ml',
    category: 2,
    commissionRateBps: null,
    skus: [{ name: '50ml', priceFen: 52000, stock: 120 }],
  },
];

/** Demo stores, guides, catalog and a live, once: a database that has stores is left alone. */
export async function seedDemo(app: INestApplication, now = new Date()): Promise<DemoSeed> {
  const stores = app.get(StoresService);
  const guides = app.get(GuidesService);
  const catalog = app.get(CatalogService);
  const lives = app.get(LivesService);
  await app.get(PolicyService).current();
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
    products.push(
      await catalog.createProduct({
        name: p.name,
        categoryId: categories[p.category].id,
        commissionRateBps: p.commissionRateBps ?? undefined,
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
