// The browser test of `pnpm test`: boots the demo stack (simulator + API on a throw-away embedded
// database, serving the H5 build) on free ports, runs the H5 end-to-end script in headless Chromium
// against it, then stops everything.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const h5 = join(root, 'miniapp', 'dist', 'h5');
if (!existsSync(join(h5, 'index.html'))) {
  console.error('miniapp/dist/h5 is missing: run `pnpm --filter miniapp build:h5` first');
  process.exit(1);
}

const { startDemo } = await import('../api/dist/demo.js');
const dataDir = mkdtempSync(join(tmpdir(), 'gs-e2e-'));
const demo = await startDemo({ dataDir, port: 0, simulatorPort: 0, staticDir: h5, quiet: true });
console.log(`demo stack at ${demo.url} (simulator ${demo.sim.url})`);

const child = spawn(process.execPath, ['-r', 'esbuild-register', join(root, 'miniapp', 'e2e', 'storefront.e2e.ts')], {
  cwd: join(root, 'miniapp'),
  stdio: 'inherit',
  // The counter key of the first store (the demo guide's store) hands pickups over; the demo admin
  // approves after-sales requests.
  env: { ...process.env, BASE_URL: `${demo.url}/`, COUNTER_KEY: demo.counterKey.key ?? demo.counterKey },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await demo.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(code);
