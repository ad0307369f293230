/**
 * Browser end-to-end run of the H5 storefront against a live API (which serves the H5 build) and the
 * seeded demo data. A plain node script (not a jest test) because it needs a running API + WeChat
 * simulator and a real browser; it exits non-zero on failure and leaves screenshots behind.
 *
 *   BASE_URL=http://127.0.0.1:3000 node -r esbuild-register e2e/storefront.e2e.ts
 *   (or: pnpm --filter miniapp e2e)
 *
 * Env: BASE_URL (required; where the API serves the H5 build, e.g. http://127.0.0.1:3000/ — a path
 * prefix is kept), GUIDE_CODE (WeCom login code of a seeded guide; the simulator maps 'guide-wang.x'
 * to WeCom userid 'guide-wang', the demo seed's 王小美; default 'guide-wang.e2e'), PRODUCT_ID (optional; default the first
 * product with stock), CHROMIUM (default /usr/bin/chromium), E2E_ARTIFACTS (screenshot dir, default
 * e2e/artifacts), E2E_TIMEOUT_MS (per wait, default 30000), HEADED=1 to watch.
 *
 * Flow: guide logs into the workbench and issues a share of a product → a fresh browser (consumer)
 * opens the share link, logs in silently, the visit is recorded → add to cart → checkout → pay through
 * the simulator → the order shows 已支付 → the member page shows an 18-digit member code (barcode + QR)
 * and the guide as 专属导购 → the consumer registers (开卡) with a phone number (the simulator's
 * `phone:<11 digits>.<nonce>` code; 201) → the guide's workbench lists that order's commission and
 * its stats (近7天 and 本月) count the order and the new member.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

const BASE_URL = process.env.BASE_URL;
const GUIDE_CODE = process.env.GUIDE_CODE ?? 'guide-wang.e2e';
const PRODUCT_ID = process.env.PRODUCT_ID;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS ?? path.join(__dirname, 'artifacts'));
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 30000);
const COUNTER_KEY = process.env.COUNTER_KEY;
const ADMIN_USERNAME = process.env.ADMIN_USERNAME ?? 'admin';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'admin-demo-password';

const tid = (id: string) => `[data-testid="${id}"]`;

async function number(page: Page, testId: string): Promise<number> {
  return Number((await page.locator(tid(testId)).first().textContent())?.trim());
}

function appUrl(hashPath: string): string {
  const base = BASE_URL!.replace(/#.*$/, '');
  return `${base.endsWith('/') ? base : `${base}/`}#${hashPath}`;
}

/** Full-page screenshot after the H5 router's page transition has settled. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** An API call as a counter or the back office would make it (no browser). */
async function apiCall(
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
async function checkTapTargets(page: Page, where: string) {
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
function field(page: Page, testId: string) {
  return page.locator(`${tid(testId)} input, input${tid(testId)}`).first();
}

function step(msg: string) {
  console.log(`\u25b6 ${msg}`);
}

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

async function newContext(
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

const ADDRESS = {
  name: '张晓雨',
  phone: '13812345678',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  detail: '南京西路 1266 号 12 楼',
};

/** A second purchase for pickup at the member's service store; the counter hands it over. */
async function pickupFlow(page: Page, productId: string) {
  step('consumer buys again, for pickup at a store (default: the service store)');
  await page.goto(appUrl(`/pages/product/index?id=${encodeURIComponent(productId)}`));
  await page.locator(tid('product-page')).waitFor();
  await checkTapTargets(page, 'product');
  await shot(page, '7-product.png');
  await page.locator(tid('buy-now')).click();
  await page.locator(tid('checkout-page')).waitFor();
  const remembered = field(page, 'address-name');
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '张晓雨',
    `${tid('address-name')} input`,
  );
  check((await remembered.inputValue()) === ADDRESS.name, 'the last address is remembered');
  await page.locator(tid('fulfilment-pickup')).click();
  const chosen = page.locator(`${tid('pickup-store')}[data-selected="true"]`);
  await chosen.waitFor();
  const storeText = ((await chosen.textContent()) ?? '').trim();
  check(storeText.includes('上海南京西路店'), `the service store is chosen by default (got "${storeText}")`);
  await checkTapTargets(page, 'checkout (pickup)');
  await shot(page, '8-checkout-pickup.png');
  await page.locator(tid('submit-order')).click();
  const codeEl = page.locator(tid('pickup-code'));
  await codeEl.waitFor({ timeout: TIMEOUT * 2 });
  const pickupCode = (await codeEl.getAttribute('data-code')) ?? '';
  const pickupOrderId = (await page.locator(tid('order-page')).getAttribute('data-order-id')) ?? '';
  check(/^\d{6,}$/.test(pickupCode), `a pickup code is shown (got "${pickupCode}")`);
  check((await page.locator(tid('pickup-qr')).getAttribute('data-text')) === pickupCode, 'its QR carries the code');
  console.log(`  order ${pickupOrderId}: pickup code ${pickupCode}`);
  await shot(page, '9-order-pickup-ready.png');

  step('the counter hands the order over (POST /api/pos/pickups with the store key)');
  check(COUNTER_KEY, 'COUNTER_KEY is set (scripts/browser-test.js passes the demo store key)');
  const handed = await apiCall('POST', '/api/pos/pickups', { pickupCode }, { 'X-Store-Key': COUNTER_KEY! });
  check(handed.status === 200, `hand-over answered ${handed.status} ${JSON.stringify(handed.json)}`);
  check(handed.json?.fulfilment?.status === 'FULFILLED', 'the order is fulfilled at the counter');
  const again = await apiCall('POST', '/api/pos/pickups', { pickupCode }, { 'X-Store-Key': COUNTER_KEY! });
  check(again.status === 200 && again.json?.id === pickupOrderId, 'a repeated hand-over answers the same order');

  step('the consumer sees the order fulfilled');
  await page.reload();
  await page.locator(`${tid('fulfilment-card')}[data-status="FULFILLED"]`).waitFor();
  check((await page.locator(tid('pickup-code')).count()) === 0, 'no pickup code once handed over');
  await shot(page, '10-order-pickup-done.png');
}

/** The first (delivery) order: the consumer asks for a refund, the admin approves, the consumer sees it. */
async function refundFlow(page: Page, orderId: string) {
  step('consumer asks for a refund of one item of the first order');
  await page.goto(appUrl(`/pages/order/index?id=${encodeURIComponent(orderId)}`));
  await page.locator(tid('after-sale-open')).click();
  const form = page.locator(tid('after-sale-form'));
  await form.locator(tid('after-sale-reason')).nth(1).click();
  await form.locator('[data-testid^="after-sale-qty-"][data-testid$="-inc"]').first().click();
  await field(page, 'after-sale-note').fill('包装破损');
  await checkTapTargets(page, 'after-sales form');
  await shot(page, '11-after-sale-form.png');
  await form.locator(tid('after-sale-submit')).click();
  await page.locator(`${tid('after-sale')}[data-status="REQUESTED"]`).waitFor();
  await page.waitForTimeout(1500); // let the toast go
  await shot(page, '12-after-sale-requested.png');

  step('the admin approves the request through the API');
  const login = await apiCall('POST', '/api/auth/staff', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  check(login.status === 200 || login.status === 201, `admin login answered ${login.status}`);
  const auth = { Authorization: `Bearer ${login.json.token}` };
  const open = await apiCall('GET', '/api/admin/after-sales?status=REQUESTED', undefined, auth);
  const items: Array<{ id: string; orderId: string }> = Array.isArray(open.json) ? open.json : (open.json?.items ?? []);
  const request = items.find((a) => a.orderId === orderId);
  check(request, `the request is listed for the admin (${open.status})`);
  const approved = await apiCall('POST', `/api/admin/after-sales/${request!.id}/approve`, {}, auth);
  check(
    approved.status === 200 || approved.status === 201,
    `approve answered ${approved.status} ${JSON.stringify(approved.json)}`,
  );

  step('WeChat Pay settles the refund (the simulator plays the bank: REFUND.SUCCESS notify)');
  const simulatorUrl = ((await apiCall('GET', '/api/config')).json?.simulatorUrl ?? '').replace(/\/+$/, '');
  check(simulatorUrl, 'GET /api/config names the simulator');
  const sim = (await (await fetch(`${simulatorUrl}/sim/state`)).json()) as {
    refunds: Array<{ out_refund_no: string; status: string }>;
  };
  const processing = sim.refunds.filter((r) => r.status === 'PROCESSING');
  check(processing.length === 1, `one refund waits at WeChat Pay (got ${processing.length})`);
  const settled = await fetch(`${simulatorUrl}/sim/refunds/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ out_refund_no: processing[0].out_refund_no }),
  });
  check(settled.ok, `the simulator settled the refund (${settled.status})`);

  step('the consumer sees the request approved and the money refunded');
  const done = page.locator(`${tid('after-sale')}[data-status="REFUNDED"]`);
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await page.reload();
    await page.locator(tid('after-sale')).first().waitFor();
    if (await done.count()) break;
    const status = await page.locator(tid('after-sale')).first().getAttribute('data-status');
    if (Date.now() > deadline) throw new Error(`after-sale still ${status}, not REFUNDED`);
    await page.waitForTimeout(1000);
  }
  const refunded = Number(await page.locator(tid('order-refunded')).getAttribute('data-fen'));
  check(refunded !== 0, 'the order shows the refunded amount');
  await shot(page, '13-after-sale-refunded.png');
}

async function main() {
  if (!BASE_URL) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://127.0.0.1:3000');
    process.exit(2);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ].filter((a) => a !== '--headless' || !process.env.HEADED),
  });
  const guide = await newContext(browser, 'guide');
  const consumer = await newContext(browser, 'consumer');
  try {
    // ---- guide: log in and issue a share ----
    step(`guide logs into the workbench with WeCom code ${GUIDE_CODE}`);
    await guide.page.goto(appUrl('/pages/guide/index'));
    await guide.page
      .locator(`${tid('guide-code')} input, input${tid('guide-code')}`)
      .first()
      .fill(GUIDE_CODE);
    await guide.page.locator(tid('guide-login-submit')).click();
    await guide.page.locator(tid('guide-home')).waitFor();
    const guideName = (await guide.page.locator(tid('guide-name')).textContent())?.trim();
    console.log(`  logged in as ${guideName}`);

    step('guide picks a product and shares it');
    await guide.page.locator(tid('go-share')).click();
    await guide.page.locator(tid('share-product')).first().waitFor();
    const shareButton = PRODUCT_ID
      ? guide.page.locator(`${tid('share-product')}[data-product-id="${PRODUCT_ID}"]`)
      : guide.page.locator(tid('share-product')).first();
    const productId = PRODUCT_ID ?? (await shareButton.getAttribute('data-product-id'));
    await shareButton.click();
    const link = ((await guide.page.locator(tid('share-link')).textContent()) ?? '').trim();
    const code = (await guide.page.locator(tid('share-panel')).getAttribute('data-code')) ?? '';
    console.log(`  share link: ${link}`);
    check(
      link.includes('#/pages/product/index?') && link.includes(`s=${code}`) && code.length > 0,
      'share link carries the product page and the share code',
    );
    check(link.includes(`id=${encodeURIComponent(productId ?? '')}`), 'share link names the product');
    await shot(guide.page, '1-guide-share.png');

    step('guide saves the poster the API drew (H5: a PNG download)');
    await guide.page.locator(tid('poster-image')).waitFor();
    const [download] = await Promise.all([
      guide.page.waitForEvent('download'),
      guide.page.locator(tid('save-poster')).click(),
    ]);
    const posterFile = path.join(ARTIFACTS, 'poster.png');
    await download.saveAs(posterFile);
    const poster = fs.readFileSync(posterFile);
    check(poster.subarray(1, 4).toString('latin1') === 'PNG', 'the downloaded poster is a PNG');
    check(download.suggestedFilename() === `海报-${code}.png`, 'the poster file is named after the share code');
    check(
      ((await guide.page.locator(tid('save-result')).textContent()) ?? '').includes('海报已下载'),
      'the workbench confirms the download in Chinese',
    );
    console.log(`  poster: ${posterFile} (${poster.length} bytes)`);

    // ---- consumer: open the link in a fresh browser ----
    step('consumer opens the share link (silent login, visit recorded)');
    const orderRequests: Request[] = [];
    consumer.page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/orders$/.test(new URL(r.url()).pathname)) orderRequests.push(r);
    });
    const visit = consumer.page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/visits'),
    );
    await consumer.page.goto(link);
    await consumer.page.locator(tid('product-page')).waitFor();
    const visitRes = await visit;
    check(visitRes.status() === 202, `POST /api/visits answered ${visitRes.status()} (expected 202)`);
    const visitBody = visitRes.request().postDataJSON() as { shareCode?: string; path?: string };
    check(visitBody.shareCode === code, 'the visit carries the share code');

    step('consumer picks the first SKU in stock and adds it to the cart');
    await consumer.page.locator(tid('add-to-cart')).click();
    await consumer.page.locator(tid('go-cart')).click();
    await consumer.page.locator(tid('cart-line')).first().waitFor();
    const cartTotal = await consumer.page.locator(tid('cart-total')).getAttribute('data-fen');
    console.log(`  cart total: ${cartTotal} fen`);

    step('consumer checks out and pays through the simulator');
    await consumer.page.locator(tid('go-checkout')).click();
    await consumer.page.locator(tid('checkout-page')).waitFor();
    await consumer.page.locator(tid('address-form')).waitFor();
    for (const [k, v] of Object.entries(ADDRESS)) await field(consumer.page, `address-${k}`).fill(v);
    await checkTapTargets(consumer.page, 'checkout');
    await shot(consumer.page, '2-checkout.png');
    await consumer.page.locator(tid('submit-order')).click();
    const paid = consumer.page.locator(`${tid('order-status')}[data-status="PAID"]`);
    const failed = consumer.page.locator(tid('error-banner'));
    await Promise.race([
      paid.waitFor({ timeout: TIMEOUT * 2 }),
      failed.waitFor({ timeout: TIMEOUT * 2 }).then(async () => {
        throw new Error(`checkout failed: ${(await failed.textContent())?.trim()}`);
      }),
    ]);
    const orderId = (await consumer.page.locator(tid('order-page')).getAttribute('data-order-id')) ?? '';
    console.log(
      `  order ${orderId} is paid: ${(await consumer.page.locator(tid('order-status')).textContent())?.trim()}`,
    );
    check(orderRequests.length === 1, `one POST /api/orders (saw ${orderRequests.length})`);
    const orderReq = orderRequests[0];
    check(orderReq.headers()['idempotency-key'], 'order creation sends an Idempotency-Key');
    check(
      (orderReq.postDataJSON() as { shareCode?: string }).shareCode === code,
      'order creation sends the share code',
    );
    check(
      JSON.stringify((orderReq.postDataJSON() as { fulfilment?: unknown }).fulfilment) ===
        JSON.stringify({ type: 'delivery', address: ADDRESS }),
      'order creation sends the delivery address',
    );
    await consumer.page.locator(`${tid('fulfilment-card')}[data-status="PENDING"]`).waitFor();
    const orderNo = ((await consumer.page.locator(tid('order-no')).textContent()) ?? '').trim();
    check(/^\d{14}$/.test(orderNo), `a short order number is shown (got "${orderNo}")`);
    await checkTapTargets(consumer.page, 'order');
    await shot(consumer.page, '3-order-paid.png');

    // ---- consumer: member page — member code, service guide, registration (开卡) ----
    step('consumer opens the member page: an 18-digit member code (barcode + QR) and the guide as 专属导购');
    await consumer.page.goto(appUrl('/pages/member/index'));
    const codeEl = consumer.page.locator(tid('member-code'));
    await codeEl.waitFor();
    const memberCode = (await codeEl.getAttribute('data-code')) ?? '';
    const shownDigits = ((await codeEl.textContent()) ?? '').replace(/\s+/g, '');
    check(/^\d{18}$/.test(memberCode), `member code has 18 digits (got "${memberCode}")`);
    check(shownDigits === memberCode, `the digits shown are the code (${shownDigits})`);
    check((await consumer.page.locator(`${tid('member-barcode')}`).count()) === 1, 'a barcode is drawn');
    check(
      (await consumer.page.locator(`${tid('member-qr')}`).getAttribute('data-text')) === memberCode,
      'the QR carries the code',
    );
    console.log(
      `  member code ${memberCode}: ${(await consumer.page.locator(tid('member-code-expiry')).textContent())?.trim()}`,
    );
    const serviceGuide = consumer.page.locator(tid('service-guide'));
    await serviceGuide.waitFor();
    const serviceText = ((await serviceGuide.textContent()) ?? '').trim();
    check(
      !guideName || serviceText.includes(guideName),
      `专属导购 is the sharing guide ${guideName} (got "${serviceText}")`,
    );
    console.log(
      `  专属导购: ${serviceText}; 服务门店: ${(await consumer.page.locator(tid('service-store')).textContent())?.trim()}`,
    );
    await shot(consumer.page, '4-member-code.png');

    step('consumer registers (开卡) with a phone number in H5');
    const phone = `139${String(Date.now()).slice(-8)}`;
    await checkTapTargets(consumer.page, 'member');
    await consumer.page.locator(tid('register-card')).waitFor();
    await consumer.page
      .locator(`${tid('register-phone')} input, input${tid('register-phone')}`)
      .first()
      .fill(phone);
    const registerRes = consumer.page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/members/register'),
    );
    await consumer.page.locator(tid('register-submit')).click();
    // the phone number is personal data: the privacy agreement comes first
    await consumer.page.locator(tid('privacy-popup')).waitFor();
    await shot(consumer.page, '5a-privacy-popup.png');
    await consumer.page.locator(tid('privacy-agree')).click();
    const reg = await registerRes;
    const regBody = reg.request().postDataJSON() as { phoneCode?: string };
    check(
      new RegExp(`^phone:${phone}\\.`).test(regBody.phoneCode ?? ''),
      `phoneCode is the simulator format (got ${regBody.phoneCode})`,
    );
    check(reg.status() === 201, `POST /api/members/register answered ${reg.status()} (expected 201)`);
    await consumer.page.locator(tid('member-registered')).waitFor();
    check(
      (await consumer.page.locator(tid('register-card')).count()) === 0,
      'the registration card is gone once registered',
    );
    console.log(`  registered: ${(await consumer.page.locator(tid('member-registered')).textContent())?.trim()}`);
    await consumer.page.locator(tid('service-guide')).waitFor();
    await consumer.page.waitForTimeout(1500); // let the 开卡成功 toast go
    await shot(consumer.page, '5-member-registered.png');

    // ---- guide: the sale, its commission and the stats ----
    step("guide's workbench shows the sale and its commission");
    const entry = guide.page.locator(`${tid('commission-entry')}[data-order-id="${orderId}"]`);
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      await guide.page.goto(appUrl('/pages/guide/index'));
      await guide.page.locator(tid('guide-home')).waitFor();
      await guide.page
        .locator(`${tid('commissions')}, ${tid('state-error')}`)
        .first()
        .waitFor();
      if (await entry.count()) break;
      if (Date.now() > deadline) throw new Error(`no commission entry for order ${orderId} in the workbench`);
      await guide.page.waitForTimeout(1000);
    }
    const amountFen = Number(await entry.first().locator(tid('commission-amount')).getAttribute('data-fen'));
    check(
      Number.isSafeInteger(amountFen) && amountFen > 0,
      `commission amount is positive integer fen (got ${amountFen})`,
    );
    const pendingFen = Number(await guide.page.locator(tid('commission-pending')).getAttribute('data-fen'));
    console.log(
      `  commission for ${orderId}: ${amountFen} fen (${(await entry.first().textContent())?.trim()}); pending total ${pendingFen} fen`,
    );

    step('guide stats (近7天, then 本月) count the order and the new member');
    for (const period of ['7d', 'month'] as const) {
      await guide.page.locator(tid(`stats-period-${period}`)).click();
      await guide.page
        .locator(`${tid('guide-stats')}[data-period="${period}"], ${tid('stats-error')}`)
        .first()
        .waitFor();
      check(
        await guide.page.locator(tid('guide-stats')).count(),
        `stats load (${(
          await guide.page
            .locator(tid('stats-error'))
            .textContent()
            .catch(() => '')
        )?.trim()})`,
      );
      const orders = await number(guide.page, 'stat-orders');
      const newMembers = await number(guide.page, 'stat-new-members');
      const visits = await number(guide.page, 'stat-visits');
      const onlineGmvFen = Number(await guide.page.locator(tid('stat-online-gmv')).getAttribute('data-fen'));
      console.log(
        `  ${period}: ${(await guide.page.locator(tid('stats-range')).textContent())?.trim()} — orders=${orders} visits=${visits} newMembers=${newMembers} onlineGmvFen=${onlineGmvFen}`,
      );
      check(orders >= 1, `stats count the order (orders=${orders})`);
      check(visits >= 1, `stats count the visit (visits=${visits})`);
      check(newMembers >= 1, `stats count the registration (newMembers=${newMembers})`);
      check(onlineGmvFen >= Number(cartTotal), `online GMV covers the order (${onlineGmvFen} ≥ ${cartTotal})`);
    }
    await guide.page.locator(tid('stats-period-7d')).click();
    await guide.page.locator(`${tid('guide-stats')}[data-period="7d"]`).waitFor();
    await shot(guide.page, '6-guide-workbench.png');

    await pickupFlow(consumer.page, productId ?? '');
    await refundFlow(consumer.page, orderId);
    console.log('\u2714 storefront e2e passed');
  } catch (e) {
    console.error(`\u2716 storefront e2e failed: ${(e as Error).message}`);
    for (const [name, c] of [
      ['guide', guide],
      ['consumer', consumer],
    ] as const) {
      await c.page
        .screenshot({ path: path.join(ARTIFACTS, `failure-${name}.png`), fullPage: true })
        .catch(() => undefined);
      console.error(`  ${name} API calls:\n    ${c.apiLog.slice(-15).join('\n    ')}`);
    }
    console.error(`  screenshots in ${ARTIFACTS}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

void main();
