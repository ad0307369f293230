// The storefront browser test's flows after the first order: a pickup purchase handed over at the
// counter, and an after-sales refund approved by the admin.
import type { Page } from 'playwright-core';
import {
  ADDRESS,
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  COUNTER_KEY,
  TIMEOUT,
  apiCall,
  appUrl,
  check,
  checkTapTargets,
  field,
  shot,
  step,
  tid,
} from './support';

/** A second purchase for pickup at the member's service store; the counter hands it over. */
export async function pickupFlow(page: Page, productId: string) {
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
export async function refundFlow(page: Page, orderId: string) {
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
