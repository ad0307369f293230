import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The console's production build inside the workspace (`pnpm --filter @guideshare/console build`). */
export const DEFAULT_CONSOLE_DIR = join(import.meta.dirname, '..', '..', 'packages', 'console', 'dist');

/**
 * Serves the web console (packages/console) at `/console/` when its build is present. Hashed assets
 * are cached for a year; index.html is revalidated so a new build is picked up at once.
 */
export async function serveConsole(app: NestFastifyApplication, dir: string | null): Promise<boolean> {
  const root = dir ?? DEFAULT_CONSOLE_DIR;
  if (!existsSync(join(root, 'index.html'))) return false;
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/console/',
    decorateReply: false,
    wildcard: false,
    redirect: true,
    cacheControl: false,
    setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
      res.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  return true;
}
