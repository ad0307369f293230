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
import type { Request } from 'playwright-core';
import { pickupFlow, refundFlow } from './after-order.flows';
import {
  ADDRESS,
  ARTIFACTS,
  BASE_URL,
  GUIDE_CODE,
  PRODUCT_ID,
  TIMEOUT,
  appUrl,
  check,
  checkTapTargets,
  field,
  launchChromium,
  newContext,
  number,
  shot,
  step,
  tid,
} from './support';

async function main() {
  if (!BASE_URL) {
    console.error('BASE_URL is required, e.g. BASE_URL=http://127.0.0.1:3000');
    process.exit(2);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchChromium();
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

    step('the member sees the data held on them (我的数据与账号)');
    await consumer.page.goto(appUrl('/pages/account/data/index'));
    const rows = consumer.page.locator(tid('my-data-row'));
    await rows.first().waitFor();
    const held = (await rows.allInnerTexts()).join(' | ');
    check(
      held.includes('手机号') && held.includes(phone) && held.includes('王小美') && !/[a-z]+(Id|At)\b/.test(held),
      `my data names the phone and the service guide in Chinese, no field names (${held.slice(0, 80)}…)`,
    );
    await shot(consumer.page, '5b-my-data.png');

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
