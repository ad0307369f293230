export { createApp } from './bootstrap.js';
export { loadConfig, ConfigError, type AppConfig } from './config/app-config.js';
export { DEMO_DEFAULTS } from './config/demo-defaults.js';
export { seedDemo, type DemoSeed } from './seed/demo-seed.js';
