import type { MigrationInterface } from 'typeorm';
import { Initial1795468545261 } from './1795468545261-Initial.js';

/**
 * Every migration, in order. To add one: change the entities, `pnpm build`, then
 * `DATABASE_URL=mysql://… pnpm --filter @guideshare/api migration:generate src/database/migrations/Name`
 * against a database at the current schema, and list the new class here.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [Initial1795468545261];
