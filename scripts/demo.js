// `pnpm start`: the whole GuideShare demo on embedded SQLite (no database server needed).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpmCommand } from './pnpm.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const h5 = join(root, 'miniapp', 'dist', 'h5');

if (!existsSync(join(h5, 'index.html')) && process.env.DEMO_SKIP_H5 !== '1') {
  console.log('Building the H5 storefront once (about 30 s)…');
  const [command, args] = pnpmCommand(['--filter', 'miniapp', 'build:h5']);
  const build = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.warn('The H5 build failed; the API still starts without the storefront.');
}

const consoleDist = join(root, 'packages', 'console', 'dist');
if (!existsSync(join(consoleDist, 'index.html')) && process.env.DEMO_SKIP_CONSOLE !== '1') {
  console.log('Building the web console once (about 15 s)…');
  const [command, args] = pnpmCommand(['--filter', '@guideshare/console', 'build']);
  const build = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.warn('The console build failed; the API still starts without the console.');
}

const { startDemo, DEMO_FINANCE } = await import('../api/dist/demo.js');
const port = Number(process.env.PORT ?? 3000);
const demo = await startDemo({
  dataDir: join(root, '.data'),
  port,
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? 3100),
  staticDir: existsSync(join(h5, 'index.html')) ? h5 : null,
});

const guides = demo.seed.guides.map((g) => `${g.name} → code "${g.wecomUserId}.1"`).join('\n    ');
console.log(`
GuideShare demo is running (embedded SQLite in .data/, WeChat simulator at ${demo.sim.url})

  Storefront (H5)   ${demo.url}/
  Console (web)     ${demo.url}/console/   (admin, finance and store clerks log in here)
  API               ${demo.url}/api   (e.g. ${demo.url}/api/products)

  Consumers         log in silently; any wx.login code works (its part before "." is the user)
  Guides (WeCom)    ${guides}
  Admin             admin / admin-demo-password      POST /api/auth/staff
  Finance           ${DEMO_FINANCE.username} / ${DEMO_FINANCE.password}
  Counter key       ${demo.counterKey.key}   (X-Store-Key of ${demo.seed.stores[0].name})

  These are DEMO credentials and keys; production refuses to start with them. Ctrl-C stops.
`);

const stop = async () => {
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
