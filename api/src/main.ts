import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DEMO_DEFAULTS } from './config/demo-defaults.js';
import { createApp } from './bootstrap.js';

/** `pnpm start:api`: the API alone, configured only by the environment (docs/DOMAIN.md). */
async function main() {
  let config;
  try {
    config = loadConfig(process.env, DEMO_DEFAULTS);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  new Logger('Main').log(`GuideShare API listening on http://127.0.0.1:${config.port}/api`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
