// Helpers of the H5 storefront's browser test (storefront.e2e.ts): settings from the environment,
// Chromium, pages and their screenshots, API calls made as a counter or the back office.
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.cjs';

export const BASE_URL = process.env.BASE_URL;
export const GUIDE_CODE = process.env.GUIDE_CODE ?? 'guide-wang.e2e';
export const PRODUCT_ID = process.env.PRODUCT_ID;
export const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS ?? path.join(__dirname, 'artifacts'));
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 30000);
export const COUNTER_KEY = process.env.COUNTER_KEY;
export const ADMIN_USERNAME = process.env.ADMIN_USERNAME ?? 'admin';
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin-demo-password';

export const tid = (id: string) => `[data-testid="${id}"]`;

export async function number(page: Page, testId: string): Promise<number> {
  return Number((await page.locator(tid(testId)).first().textContent())?.trim());
}

export function appUrl(hashPath: string): string {
  const base = BASE_URL!.replace(/#.*$/, '');
  return `${base.endsWith('/') ? base : `${base}/`}#${hashPath}`;
}

/** Full-page screenshot after the H5 router's page transition has settled. */
export async function shot(page: Page, name: string) {
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** An API call as a counter or the back office would make it (no browser). */
export async function apiCall(
  method: string,
  apiPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const res = await fetch(new URL(apiPath.replace(/^\//, ''), BASE_URL!.replace(/#.*$/, '')), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Every tap target on the page is at least 44 × 44 CSS px (WeChat's and Apple's guidance). */
export async function checkTapTargets(page: Page, where: string) {
  const small = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll(
        '.btn, .chip, .link, .stepper__btn, .seg__item, .tabbar__item, .menu__item, .store, .search__btn, .banner__close',
      ),
    )
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 43.5 || r.height < 43.5))
      .map(
        ({ el, r }) =>
          `${el.className} "${(el.textContent ?? '').trim().slice(0, 12)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
      ),
  );
  check(small.length === 0, `tap targets ≥ 44 px on ${where}: ${small.join('; ')}`);
}

/** The H5 build's <Input> is a wrapper around the real <input>. */
export function field(page: Page, testId: string) {
  return page.locator(`${tid(testId)} input, input${tid(testId)}`).first();
}

export function step(msg: string) {
  console.log(`\u25b6 ${msg}`);
}

export function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

export async function newContext(
  browser: Browser,
  name: string,
): Promise<{ ctx: BrowserContext; page: Page; apiLog: string[] }> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const apiLog: string[] = [];
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (u.pathname.includes('/api/') || u.pathname.startsWith('/sim/'))
      apiLog.push(`${res.request().method()} ${u.pathname} → ${res.status()}`);
  });
  page.on('pageerror', (e) => console.log(`  [${name}] page error: ${e.message}`));
  return { ctx, page, apiLog };
}

export const ADDRESS = {
  name: '张晓雨',
  phone: '13812345678',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  detail: '南京西路 1266 号 12 楼',
};

/** Headless Chromium (HEADED=1 to watch) with the switches the sandboxed CI needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions({ headed: !!process.env.HEADED }));
}
