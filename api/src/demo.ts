import { join } from 'node:path';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { createApp } from './bootstrap.js';
import { freePort } from './common/free-port.js';
import { loadConfig } from './config/app-config.js';
import { DEMO_DEFAULTS } from './config/demo-defaults.js';
import { IdentityService } from './identity/identity.service.js';
import { StoresService } from './stores/stores.service.js';
import { seedDemo } from './seed/demo-seed.js';

export interface DemoOptions {
  /** where the embedded database lives */
  dataDir: string;
  port: number;
  simulatorPort: number;
  /** the H5 build to serve at `/`, if any */
  staticDir: string | null;
  quiet?: boolean;
}

export const DEMO_FINANCE = { username: 'finance', password: 'finance-demo-password' };

/** The whole demo in one process: WeChat simulator + API on embedded SQLite, seeded. */
export async function startDemo(options: DemoOptions) {
  const sim = await startWechatSimulator({ port: options.simulatorPort });
  const apiPort = options.port || (await freePort());
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${join(options.dataDir, 'guideshare.sqlite')}`,
      PORT: String(apiPort),
      WECHAT_API_BASE: sim.url,
      WECHATPAY_API_BASE: sim.url,
      WECHAT_SIMULATOR_URL: sim.url,
      ...(options.staticDir ? { STATIC_DIR: options.staticDir } : {}),
      ...(process.env.BUSINESS_TZ ? { BUSINESS_TZ: process.env.BUSINESS_TZ } : {}),
    },
    DEMO_DEFAULTS,
  );
  const app = await createApp(config, { logger: options.quiet ? ['error'] : ['error', 'warn'] });
  await app.listen({ port: apiPort, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const seed = await seedDemo(app);
  if (seed.seeded) await app.get(IdentityService).createStaff(DEMO_FINANCE.username, DEMO_FINANCE.password, 'finance');
  // Counter keys are shown once; the demo issues a fresh one at every start.
  const counterKey = await app.get(StoresService).issueKey(seed.stores[0].id);
  return {
    app,
    sim,
    url,
    seed,
    counterKey,
    async close() {
      await app.close();
      await sim.close();
    },
  };
}
