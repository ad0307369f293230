// Counter (clerk): credits a counter sale to the member's guide; sees only its store's menu.
import { check, go, login, shot, step, tid } from './support.js';

export async function clerkFlow(page, ctx) {
  const { baseUrl, accounts } = ctx;
  step('the clerk logs in to the counter of its store');
  await login(page, baseUrl, accounts.clerk);
  await page.locator(tid('counter-member-code')).waitFor();
  const menu = await page.locator('.ant-pro-sider, .ant-layout-sider').first().innerText();
  check(
    menu.includes('门店收银台') && !menu.includes('数据概览') && !menu.includes('财务管理'),
    'the clerk’s menu is the counter only',
  );
  check(
    (await page.locator(tid('header-store')).innerText()).includes(ctx.store.name),
    `the header names ${ctx.store.name}`,
  );
  await shot(page, 'clerk-counter');

  step('the clerk credits a counter sale by member code');
  await page.locator(tid('counter-member-code')).fill(ctx.memberCode);
  await page.locator(tid('counter-receipt')).fill(`E2E-${Date.now().toString(36)}`);
  await page.locator(tid('counter-amount')).fill('88.00');
  await page.locator(tid('counter-submit')).click();
  await page.locator(tid('counter-result')).waitFor();
  const credited = await page.locator(tid('counter-guide')).innerText();
  check(credited.includes(ctx.guide.name), `the sale is credited to ${ctx.guide.name}`);
  await shot(page, 'clerk-counter-credited');

  step('the clerk is refused other pages and other stores');
  await go(page, baseUrl, '/dashboard');
  await page.locator('text=无权访问').waitFor();
  const statuses = await page.evaluate(async (otherStoreId) => {
    const session = JSON.parse(localStorage.getItem('guideshare.console.session'));
    const h = { authorization: `Bearer ${session.token}` };
    const report = await fetch('/api/reports/guides', { headers: h });
    const other = await fetch(`/api/orders?storeId=${otherStoreId}`, { headers: h });
    const body = other.ok ? await other.json() : null;
    const rows = Array.isArray(body) ? body : (body?.items ?? []);
    return {
      report: report.status,
      other: other.status,
      leaked: rows.filter((o) => o.storeId === otherStoreId).length,
    };
  }, ctx.otherStore.id);
  check(statuses.report === 403, `GET /api/reports/guides by a clerk → ${statuses.report}`);
  check(
    statuses.other === 403 || (statuses.other === 200 && statuses.leaked === 0),
    `another store's orders are refused to a clerk (${statuses.other}, ${statuses.leaked} shown)`,
  );
  await shot(page, 'clerk-forbidden');

  await go(page, baseUrl, '/counter/refund');
  await page.locator(tid('refund-receipt')).waitFor();
  await shot(page, 'clerk-refund');

  await go(page, baseUrl, '/counter/pickup');
  await page
    .locator(`${tid('pickup-code')}, .ant-result`)
    .first()
    .waitFor();
  await shot(page, 'clerk-pickup');
}
