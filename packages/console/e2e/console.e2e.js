/**
 * Browser test of the web console against a live API that serves it at /console/ —
 * started by scripts/console-browser-test.js on MariaDB with the fixtures in `ctx`. Writes a
 * screenshot of every page to e2e/screenshots/ (or CONSOLE_SCREENSHOTS). Resolves to an exit code.
 */
import { clerkFlow } from './clerk.flow.js';
import { financeFlow } from './finance.flow.js';
import { opsFlow } from './ops.flow.js';
import { launch, newPage, shot, SHOTS } from './support.js';

export async function runConsoleE2E(ctx) {
  const browser = await launch();
  const problems = [];
  let failed = false;
  let current = null;
  try {
    const ops = await newPage(browser, 'admin');
    current = ops.page;
    const { productId } = await opsFlow(ops.page, { ...ctx, workDir: ctx.downloads });
    problems.push(...ops.problems);

    const finance = await newPage(browser, 'finance');
    current = finance.page;
    await financeFlow(finance.page, { ...ctx, productId });
    problems.push(...finance.problems);

    if (ctx.clerkReady) {
      const clerk = await newPage(browser, 'clerk');
      current = clerk.page;
      await clerkFlow(clerk.page, ctx);
      problems.push(...clerk.problems);
    } else console.log('\u26a0 clerk flow skipped: this API has no clerk role yet');
    if (problems.length) throw new Error(`problems seen in the browser:\n  ${problems.join('\n  ')}`);
  } catch (e) {
    failed = true;
    console.error(e);
    if (current) await shot(current, 'FAILURE').catch(() => undefined);
  } finally {
    await browser.close();
  }
  console.log(`screenshots in ${SHOTS}`);
  console.log(failed ? 'console e2e: FAILED' : 'console e2e: passed');
  return failed ? 1 : 0;
}
