import type { ProductLook } from './product-images.js';

// The demo's stores, guides and catalog as tables: demo-seed.ts turns every row into API calls.

export const STORES = [
  { name: '上海南京西路店', city: '上海' },
  { name: '杭州湖滨店', city: '杭州' },
];

/** `store`: index in STORES */
export const GUIDES = [
  { name: '王小美', wecomUserId: 'guide-wang', store: 0 },
  { name: '李晓东', wecomUserId: 'guide-li', store: 0 },
  { name: '陈静', wecomUserId: 'guide-chen', store: 1 },
];

export const CATEGORIES = [
  { name: '护肤', commissionRateBps: 800 },
  { name: '彩妆', commissionRateBps: 600 },
  { name: '香氛', commissionRateBps: null },
];

/**
 * One row per product: name, category (index in CATEGORIES), its own commission rate (null: the
 * category's), look ("shape body accent background-from background-to", see product-images.ts) and
 * SKUs ("name price-in-fen stock", separated by ";"). Descriptions are in DESCRIPTIONS under the name.
 */
type ProductRow = [string, number, number | null, string, string];
const PRODUCT_ROWS: ProductRow[] = [
  ['玻尿酸保湿精华 30ml', 0, 1000, 'dropper #9cc7e8 #1f5f8b #eaf4fb #cfe3f2', '30ml 26900 500'],
  ['氨基酸洁面乳', 0, null, 'tube #cdebdc #3f8f6b #f1faf5 #d6eee2', '100g 8900 800; 200g 家庭装 15900 300'],
  ['丝绒雾面口红', 1, null, 'lipstick #c0233a #1e1e1e #fdf0f0 #f3d4d6', '#01 正红 19900 400; #05 豆沙 19900 400'],
  ['小苍兰香水 50ml', 2, null, 'perfume #f6c9d6 #b5577a #fff4f7 #f6dbe4', '50ml 52000 120'],
  ['多肽修护晚霜 50g', 0, null, 'jar #d9cdf0 #5b4a8a #f5f1fc #e2d9f4', '50g 38800 200'],
  ['清透防晒乳 SPF50+', 0, null, 'tube #fbe7a9 #c98a1b #fffaf0 #f7ebc8', '50ml 16800 600'],
  ['柔雾气垫粉底', 1, null, 'compact #e9d2bd #8a6a4f #fbf5ef #efdfd0', '#01 象牙白 29900 300; #02 自然色 29900 300'],
  ['玫瑰香氛身体乳', 2, null, 'pump #f3c7c0 #a8454f #fff5f2 #f5d9d3', '250ml 12900 500'],
];

const DESCRIPTIONS: Record<string, string> = {
  '玻尿酸保湿精华 30ml':
    '三重分子玻尿酸，由表及里层层补水。质地清透不黏腻，早晚洁面后取 2–3 滴，轻拍至吸收。适合干性与混合性肌肤。',
  氨基酸洁面乳: '氨基酸表活温和洁净，绵密泡沫带走多余油脂，洗后不紧绷。敏感肌可日常使用。',
  丝绒雾面口红: '丝绒雾面质地，一抹显色，轻薄不拔干。金色管身小巧便携，约会通勤都合适。',
  '小苍兰香水 50ml': '前调小苍兰与梨，中调白玫瑰，后调白麝香。清新柔和的日常香，留香约 6 小时。',
  '多肽修护晚霜 50g': '多肽与神经酰胺夜间修护屏障，滋润而不厚重。晚间护肤最后一步，取黄豆大小均匀涂抹。',
  '清透防晒乳 SPF50+': 'SPF50+ PA++++ 高倍防护，轻薄水感，成膜快不泛白，可作妆前打底。出门前 15 分钟涂抹。',
  柔雾气垫粉底: '轻薄柔雾妆效，遮瑕自然服帖，持妆一整天。附替换芯，补妆方便。',
  玫瑰香氛身体乳: '大马士革玫瑰香氛，乳木果油深层滋润，吸收快，洗澡后全身涂抹，肌肤柔嫩留香。',
};

export interface DemoProduct {
  name: string;
  category: number;
  commissionRateBps: number | null;
  description: string;
  look: ProductLook;
  skus: Array<{ name: string; priceFen: number; stock: number }>;
}

export const PRODUCTS: DemoProduct[] = PRODUCT_ROWS.map(([name, category, commissionRateBps, look, skus]) => {
  const [shape, body, accent, from, to] = look.split(' ');
  return {
    name,
    category,
    commissionRateBps,
    description: DESCRIPTIONS[name],
    look: { shape: shape as ProductLook['shape'], body, accent, background: [from, to] },
    skus: skus.split('; ').map((sku) => {
      const [, skuName, priceFen, stock] = /^(.+) (\d+) (\d+)$/.exec(sku)!;
      return { name: skuName, priceFen: Number(priceFen), stock: Number(stock) };
    }),
  };
});
