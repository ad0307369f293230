// Ops (admin): a product with an image put on sale, its price edited, a guide's departure, every page.
import fs from 'node:fs';
import path from 'node:path';
import { assertChineseOnly, check, confirmModal, go, login, makePng, pick, shot, step, tid } from './support.js';

export async function opsFlow(page, ctx) {
  const { baseUrl, accounts, workDir } = ctx;
  const api = (p, init = {}) =>
    page.evaluate(
      async ([p, init]) => {
        const session = JSON.parse(localStorage.getItem('guideshare.console.session') ?? 'null');
        const res = await fetch(p, {
          ...init,
          headers: { ...(init.headers ?? {}), ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
        });
        return { status: res.status, body: await res.json().catch(() => null) };
      },
      [p, init],
    );

  step('the login page refuses a wrong password in Chinese');
  await go(page, baseUrl, '/login');
  await page.locator(tid('login-username')).fill('admin');
  await page.locator(tid('login-password')).fill('wrong-password');
  await page.locator(tid('login-submit')).click();
  await page.locator(tid('login-error')).waitFor();
  check(
    (await page.locator(tid('login-error')).innerText()).includes('用户名或密码错误'),
    'wrong password → 用户名或密码错误',
  );
  await shot(page, 'login');

  step('admin logs in and sees the dashboard');
  await login(page, baseUrl, accounts.admin);
  await page.locator(tid('chart-share')).waitFor();
  check(
    (await page.locator(tid('header-role')).innerText()).includes('运营管理员'),
    'header shows the role 运营管理员',
  );
  await shot(page, 'admin-dashboard');

  step('ops creates a product with an image, off sale');
  const name = `E2E 修护面霜 ${Date.now().toString(36)}`;
  await go(page, baseUrl, '/catalog/products/new');
  await page.locator(tid('product-name')).fill(name);
  await pick(page, page.locator(tid('product-category')), '护肤');
  await page.locator(tid('product-on-sale')).click(); // off: put on sale from the list below
  if (ctx.uploadsReady) {
    const png = path.join(workDir, 'product.png');
    fs.writeFileSync(png, makePng());
    await page.locator('.ant-upload input[type=file]').setInputFiles(png);
    await page.locator('.ant-upload-list-item-done img').first().waitFor();
  } else console.log('\u26a0 image upload skipped: this API has no POST /api/admin/uploads yet');
  await page.locator(tid('sku-name-0')).fill('50ml');
  await page.locator(tid('sku-price-0')).fill('199.00');
  await page.locator(tid('sku-stock-0')).fill('30');
  await shot(page, 'admin-product-new');
  await page.locator(tid('product-save')).click();
  await page.waitForURL(/#\/catalog\/products\/[0-9a-f-]{36}$/);
  const productId = /products\/([0-9a-f-]{36})$/.exec(page.url())[1];
  let product = (await api(`/api/admin/products/${productId}`)).body;
  check(product.onSale === false, 'the product was created off sale');
  if (ctx.uploadsReady) {
    check(product.imageUrls?.length === 1, 'the product has its uploaded image');
    const image = await page.evaluate(async (u) => (await fetch(u)).status, product.imageUrls[0]);
    check(image === 200, 'the uploaded image is served');
  }

  step('ops puts it on sale from the product list');
  await go(page, baseUrl, '/catalog/products');
  await page.locator(tid(`on-sale-${productId}`)).click();
  await page.locator('.ant-message-notice', { hasText: '已上架' }).waitFor();
  const publicList = (await api('/api/products')).body;
  check(
    publicList.some((p) => p.id === productId),
    'consumers now see the product (on sale)',
  );
  await shot(page, 'admin-products');

  step('ops edits its price');
  await go(page, baseUrl, `/catalog/products/${productId}`);
  const skuId = product.skus[0].id;
  await page.locator(tid(`sku-edit-price-${skuId}`)).click();
  await page.locator(tid('sku-new-price')).fill('179.50');
  await confirmModal(page, '修改售价', '保 存');
  await page.locator(tid('sku-price'), { hasText: '¥179.50' }).waitFor();
  product = (await api(`/api/admin/products/${productId}`)).body;
  check(product.skus[0].priceFen === 17950, 'the SKU price is now 17950 fen');
  await page.locator(tid(`sku-stock-adjust-${skuId}`)).click();
  await page.locator(tid('stock-delta')).fill('-5');
  await page.locator(tid('stock-reason')).fill('盘点差异');
  await confirmModal(page, '调整库存', '确认调整');
  await page.locator('.ant-message-notice', { hasText: '库存已调整' }).waitFor();
  product = (await api(`/api/admin/products/${productId}`)).body;
  check(product.skus[0].stock === 25, 'stock adjusted by −5 with a reason');
  await shot(page, 'admin-product-edit');

  step('ops adds a guide and records the departure with a successor');
  await go(page, baseUrl, '/guides');
  await page.locator(tid('guide-new')).click();
  await pick(page, page.locator(tid('guide-store')), ctx.store.name);
  await page.locator(tid('guide-name')).fill('赵新人');
  await page.locator(tid('guide-wecom')).fill(`guide-zhao-${Date.now().toString(36)}`);
  await confirmModal(page, '新增导购', '确 定');
  await page.locator('.ant-message-notice', { hasText: '导购已添加' }).waitFor();
  const guides = (await api('/api/admin/guides')).body;
  const zhao = guides.find((g) => g.name === '赵新人');
  await page.locator(tid(`guide-depart-${zhao.id}`)).click();
  await pick(page, page.locator(tid('depart-successor')), ctx.guide.name);
  await shot(page, 'admin-guide-depart');
  await confirmModal(page, '办理离职', '确认离职');
  await page.locator('.ant-message-notice', { hasText: '已办理离职' }).waitFor();
  const departed = (await api('/api/admin/guides')).body.find((g) => g.id === zhao.id);
  check(departed.status === 'departed', 'the guide is departed');
  await page.locator('tr', { hasText: '赵新人' }).locator('text=已离职').waitFor();
  await shot(page, 'admin-guides');

  step('every other admin page renders in Chinese');
  for (const [route, name, ready] of [
    ['/catalog/categories', 'admin-categories', '.ant-table-row'],
    ['/stores', 'admin-stores', '.ant-table-row'],
    ['/members', 'admin-members', '.ant-empty'],
    ['/lives', 'admin-lives', '.ant-table-row'],
    ['/policy', 'admin-policy', tid('policy-version')],
    ['/staff', 'admin-staff', '.ant-table'],
    ['/orders', 'admin-orders', '.ant-table-row'],
    ['/orders/after-sales', 'admin-after-sales', '.ant-table'],
    ['/finance/settlements', 'admin-settlements', '.ant-table'],
  ]) {
    await go(page, baseUrl, route);
    await page.locator(ready).first().waitFor();
    await assertChineseOnly(page, route);
    await shot(page, name);
  }

  step('a store counter key is shown once');
  await go(page, baseUrl, '/stores');
  await page.locator(tid(`store-keys-${ctx.store.id}`)).click();
  await page.locator(tid('store-key-issue')).click();
  await page.locator(tid('store-key-value')).waitFor();
  check((await page.locator(tid('store-key-value')).innerText()).startsWith('sk_'), 'the new key is shown');
  await shot(page, 'admin-store-key');
  await page.getByRole('button', { name: '我已保存' }).click();

  step('a member is found by id with the binding history');
  await go(page, baseUrl, '/members');
  await page.locator(tid('member-query')).fill(ctx.memberId);
  await page.getByRole('button', { name: /查\s?询/ }).click();
  await page.locator('text=绑定变更记录').waitFor();
  await shot(page, 'admin-member');

  step('an order shows its attribution evidence');
  await go(page, baseUrl, '/orders');
  const listed = await page.locator('.ant-table-row a').first().innerText();
  await page.locator('.ant-table-row a').first().click();
  await page.locator(tid('attribution')).waitFor();
  const detail = (await api(`/api/orders/${/orders\/([0-9a-f-]{36})$/.exec(page.url())[1]}`)).body;
  check(
    /^\d{14}$/.test(listed) && listed === detail.orderNo && (await page.innerText('body')).includes(`订单 ${listed}`),
    `the list and the detail name the order by its order number (${listed}), not its id`,
  );
  check(
    (await page.locator(tid('attribution')).innerText()).includes('导购分享'),
    'the order was credited by 导购分享',
  );
  await shot(page, 'admin-order-detail');

  step("ops corrects the order's attribution to another guide");
  const orderId = /orders\/([0-9a-f-]{36})$/.exec(page.url())[1];
  const before = (await api(`/api/orders/${orderId}`)).body.attribution.guideId;
  const other = (await api('/api/admin/guides')).body.find((g) => g.status !== 'departed' && g.id !== before);
  await page.locator(tid('attribution-correct')).click();
  await pick(page, page.locator(tid('attribution-guide')), other.name);
  await page.locator(tid('attribution-reason')).fill('顾客到店确认由该导购服务');
  await shot(page, 'admin-attribution-modal');
  await confirmModal(page, '调整业绩归属', '确认调整');
  await page.locator('.ant-message-notice', { hasText: '业绩归属已调整' }).waitFor();
  await page.locator(tid('attribution'), { hasText: '人工调整' }).waitFor();
  const shown = await page.locator(tid('attribution')).innerText();
  check(shown.includes(other.name), `the order is now credited to ${other.name} (人工调整)`);
  await page.locator(tid('attribution-history')).locator('.ant-table-row', { hasText: '顾客到店确认' }).waitFor();
  await assertChineseOnly(page, 'order attribution');
  await shot(page, 'admin-order-corrected');

  step('the 导购补录 page lists claims with a status filter');
  await go(page, baseUrl, '/orders/claims');
  await page.locator('.ant-table').first().waitFor();
  await assertChineseOnly(page, '/orders/claims');
  await shot(page, 'admin-claims');
  return { productId };
}
