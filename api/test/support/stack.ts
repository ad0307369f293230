import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startWechatSimulator } from '@guideshare/wechat/simulator';
import { createApp } from '../../src/bootstrap.js';
import { freePort } from '../../src/common/free-port.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { DEMO_DEFAULTS } from '../../src/config/demo-defaults.js';
import { createTestDatabase } from './database.js';
import { Client } from './client.js';

export type Simulator = Awaited<ReturnType<typeof startWechatSimulator>>;

export interface TestStack {
  app: NestFastifyApplication;
  config: AppConfig;
  sim: Simulator;
  url: string;
  databaseUrl: string;
  client: Client;
  close(): Promise<void>;
}

/**
 * The production code path end to end: a fresh MariaDB database with migrations, the API listening on
 * 127.0.0.1, and the WeChat simulator speaking the real wire format.
 */
export async function startStack(env: Record<string, string> = {}): Promise<TestStack> {
  const db = await createTestDatabase();
  const sim = await startWechatSimulator({ port: 0 });
  const port = await freePort();
  const config = loadConfig(
    {
      DATABASE_URL: db.url,
      PORT: String(port),
      WECHAT_API_BASE: sim.url,
      WECHATPAY_API_BASE: sim.url,
      WECHAT_SIMULATOR_URL: sim.url,
      // Every test logs in from 127.0.0.1; throttling.test.ts sets the limits it tests.
      THROTTLE_AUTH_PER_CLIENT: '100000/1m',
      THROTTLE_STAFF_PER_CLIENT: '100000/1m',
      THROTTLE_STAFF_PER_USERNAME: '100000/1m',
      THROTTLE_POS_PER_KEY: '100000/1m',
      ...env,
    },
    DEMO_DEFAULTS,
  );
  const app = await createApp(config, { logger: ['error'] });
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    sim,
    url,
    databaseUrl: db.url,
    client: new Client(url),
    async close() {
      await app.close();
      await sim.close();
      await db.drop();
    },
  };
}
