// Helpers of the console's browser test: launching Chromium, screenshots, antd widgets, a PNG.
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import chromiumLaunch from '../../../scripts/chromium.cjs';

const { chromiumLaunchOptions } = chromiumLaunch;

export const SHOTS = path.resolve(
  process.env.CONSOLE_SCREENSHOTS ?? path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots'),
);
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 20000);

export const tid = (id) => `[data-testid="${id}"]`;

export function step(msg) {
  console.log(`\u25b6 ${msg}`);
}

export function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
  console.log(`  \u2713 ${msg}`);
}

export async function launch() {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch(chromiumLaunchOptions());
}

/** A browser context for one user, with page errors and any English/raw error text reported. */
export async function newPage(browser, name) {
  const ctx = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`[${name}] page error: ${e.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`[${name}] ${res.request().method()} ${res.url()} → ${res.status()}`);
  });
  return { ctx, page, problems };
}

let shotNo = 0;
/** A full-page screenshot once spinners and animations have settled; returns its path. */
export async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  shotNo += 1;
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Goes to a hash route of the console. */
export async function go(page, baseUrl, route) {
  await page.goto(`${baseUrl}#${route}`);
}

export async function login(page, baseUrl, { username, password }) {
  await go(page, baseUrl, '/login');
  await page.locator(tid('login-username')).fill(username);
  await page.locator(tid('login-password')).fill(password);
  await page.locator(tid('login-submit')).click();
  await page.locator(tid('header-role')).waitFor();
}

export async function logout(page) {
  await page.evaluate(() => localStorage.clear());
}

/** Opens an antd Select (by a locator inside it) and picks the option with this text. */
export async function pick(page, selectLocator, optionText) {
  await selectLocator.click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
    hasText: optionText,
  });
  await option.first().click();
}

/** Clicks the primary button of the open modal titled `title`. */
export async function confirmModal(page, title, okText) {
  const modal = page.locator('.ant-modal-wrap:visible, .ant-modal-confirm:visible').filter({ hasText: title }).last();
  await modal.getByRole('button', { name: okText }).click();
}

/** The text of every `.ant-message` toast currently shown. */
export async function toasts(page) {
  return page.locator('.ant-message-notice').allTextContents();
}

/** A w×h PNG with a diagonal gradient (a real image for the upload endpoint). */
export function makePng(w = 96, h = 96) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = 40 + Math.round((180 * x) / w);
      raw[o + 1] = 120 + Math.round((100 * y) / h);
      raw[o + 2] = 230;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Fails when a screen shows English error text or a raw API code instead of Chinese. */
export async function assertChineseOnly(page, where) {
  const body = await page.locator('body').innerText();
  const raw = /\b(Bad Request|Not Found|Forbidden|Unauthorized|Internal Server Error|[A-Z]{3,}_[A-Z_]{3,})\b/.exec(
    body,
  );
  check(!raw, `${where}: no English error or raw code on screen${raw ? ` (found "${raw[0]}")` : ''}`);
}
