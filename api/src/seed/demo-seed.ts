import type { INestApplication } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service.js';
import { GuidesService } from '../guides/guides.service.js';
import { LivesService } from '../lives/lives.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { StoresService } from '../stores/stores.service.js';
import { UploadsService } from '../uploads/uploads.service.js';
import { productImage, type ProductLook } from './product-images.js';

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

const PRODUCTS: Array<{
  name: string;
  category: number;
  commissionRateBps: number | null;
  description: string;
  look: ProductLook;
  skus: Array<{ name: string; priceFen: number; stock: number }>;
}> = [
  {
    name: '玻尿酸保湿精华 30ml',
    category: 0,
    commissionRateBps: 1000,
    description:
      '三重分子玻尿酸，由表及里层层补水。质地清透不黏腻，早晚洁面后取 2–3 滴，轻拍至吸收。适合干性与混合性肌肤。',
    look: { shape: 'dropper', body: '#9cc7e8', accent: '#1f5f8b', background: ['#eaf4fb', '#cfe3f2'] },
    skus: [{ name: '30ml', priceFen: 26900, stock: 500 }],
  },
  {
    name: '氨基酸洁面乳',
    category: 0,
    commissionRateBps: null,
    description: '氨基酸表活温和洁净，绵密泡沫带走多余油脂，洗后不紧绷。敏感肌可日常使用。',
    look: { shape: 'tube', body: '#cdebdc', accent: '#3f8f6b', background: ['#f1faf5', '#d6eee2'] },
    skus: [
      { name: '100g', priceFen: 8900, stock: 800 },
      { name: '200g 家庭装', priceFen: 15900, stock: 300 },
    ],
  },
  {
    name: '丝绒雾面口红',
    category: 1,
    commissionRateBps: null,
    description: '丝绒雾面质地，一抹显色，轻薄不拔干。金色管身小巧便携，约会通勤都合适。',
    look: { shape: 'lipstick', body: '#c0233a', accent: '#1e1e1e', background: ['#fdf0f0', '#f3d4d6'] },
    skus: [
      { name: '#01 正红', priceFen: 19900, stock: 400 },
      { name: '#05 豆沙', priceFen: 19900, stock: 400 },
    ],
  },
  {
    name: '小苍兰香水 50ml',
    category: 2,
    commissionRateBps: null,
    description: '前调小苍兰与梨，中调白玫瑰，后调白麝香。清新柔和的日常香，留香约 6 小时。',
    look: { shape: 'perfume', body: '#f6c9d6', accent: '#b5577a', background: ['#fff4f7', '#f6dbe4'] },
    skus: [{ name: '50ml', priceFen: 52000, stock: 120 }],
  },
  {
    name: '多肽修护晚霜 50g',
    category: 0,
    commissionRateBps: null,
    description: '多肽与神经酰胺夜间修护屏障，滋润而不厚重。晚间护肤最后一步，取黄豆大小均匀涂抹。',
    look: { shape: 'jar', body: '#d9cdf0', accent: '#5b4a8a', background: ['#f5f1fc', '#e2d9f4'] },
    skus: [{ name: '50g', priceFen: 38800, stock: 200 }],
  },
  {
    name: '清透防晒乳 SPF50+',
    category: 0,
    commissionRateBps: null,
    description: 'SPF50+ PA++++ 高倍防护，轻薄水感，成膜快不泛白，可作妆前打底。出门前 15 分钟涂抹。',
    look: { shape: 'tube', body: '#fbe7a9', accent: '#c98a1b', background: ['#fffaf0', '#f7ebc8'] },
    skus: [{ name: '50ml', priceFen: 16800, stock: 600 }],
  },
  {
    name: '柔雾气垫粉底',
    category: 1,
    commissionRateBps: null,
    description: '轻薄柔雾妆效，遮瑕自然服帖，持妆一整天。附替换芯，补妆方便。',
    look: { shape: 'compact', body: '#e9d2bd', accent: '#8a6a4f', background: ['#fbf5ef', '#efdfd0'] },
    skus: [
      { name: '#01 象牙白', priceFen: 29900, stock: 300 },
      { name: '#02 自然色', priceFen: 29900, stock: 300 },
    ],
  },
  {
    name: '玫瑰香氛身体乳',
    category: 2,
    commissionRateBps: null,
    description: '大马士革玫瑰香氛，乳木果油深层滋润，吸收快，洗澡后全身涂抹，肌肤柔嫩留香。',
    look: { shape: 'pump', body: '#f3c7c0', accent: '#a8454f', background: ['#fff5f2', '#f5d9d3'] },
    skus: [{ name: '250ml', priceFen: 12900, stock: 500 }],
  },
];

/** Demo stores, guides, catalog and a live, once: a database that has stores is left alone. */
export async function seedDemo(app: INestApplication, now = new Date()): Promise<DemoSeed> {
  const stores = app.get(StoresService);
  const guides = app.get(GuidesService);
  const catalog = app.get(CatalogService);
  const lives = app.get(LivesService);
  const uploads = app.get(UploadsService);
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
