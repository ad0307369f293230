import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import type { RateLimit } from '../config/env-schema.js';
import { AppError } from './app-error.js';

/**
 * Brute-force limits (docs/DOMAIN.md "Operations"), with @fastify/rate-limit: `POST /api/auth/*` per client,
 * `POST /api/auth/staff` also per client and per username, `POST /api/pos/*` per store key. Over a
 * limit → 429 TOO_MANY_REQUESTS with Retry-After. The client is the socket's address unless
 * TRUST_PROXY names the proxies (bootstrap.ts). With REDIS_URL the counters live in Redis, shared by
 * every API instance; otherwise in this process. If Redis is away, requests are served, not refused.
 */

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

const username = (req: FastifyRequest) => {
  const value = (req.body as { username?: unknown } | undefined)?.username;
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
};
const storeKey = (req: FastifyRequest) => {
  const key = req.headers['x-store-key'];
  return createHash('sha256')
    .update(typeof key === 'string' ? key : '')
    .digest('base64url');
};

/** Registers the plugin and the limits; call before the routes are registered (before `app.init()`). */
export async function registerRateLimits(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  const redis = config.redis
    ? new Redis(config.redis.url, {
        // Fail fast instead of queueing while Redis is away (skipOnError then lets the request through).
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 1000,
      })
    : null;
  if (redis) {
    redis.on('error', () => undefined); // reconnects by itself; a failed count is skipped
    fastify.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  await fastify.register(fastifyRateLimit, {
    global: false,
    skipOnError: true,
    ...(redis && config.redis ? { redis, nameSpace: `${config.redis.keyPrefix}rate-limit:` } : {}),
  });

  const limiter = (name: string, limit: RateLimit, key: (req: FastifyRequest) => string) =>
    fastify.createRateLimit({
      max: limit.limit,
      timeWindow: limit.ttlMs,
      keyGenerator: (req) => `${name}:${key(req)}`,
    });
  const limits = config.rateLimits;
  const authPerClient = limiter('auth-client', limits.authPerClient, (req) => req.ip);
  const staffPerClient = limiter('staff-client', limits.staffPerClient, (req) => req.ip);
  const staffPerUsername = limiter('staff-username', limits.staffPerUsername, username);
  const posPerKey = limiter('pos-key', limits.posPerKey, storeKey);

  const limitersFor = (route: RouteOptions): Limiter[] => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return [];
    if (route.url === '/api/auth/staff') return [authPerClient, staffPerClient, staffPerUsername];
    if (route.url.startsWith('/api/auth/')) return [authPerClient];
    if (route.url.startsWith('/api/pos/')) return [posPerKey];
    return [];
  };

  // After the body is parsed (the username is in it), before the handler: every limit counts the request.
  fastify.addHook('onRoute', (route) => {
    const limiters = limitersFor(route);
    if (!limiters.length) return;
    const check = async (req: FastifyRequest, reply: FastifyReply) => {
      let retryAfter = 0;
      for (const limit of limiters) {
        const result = await limit(req);
        if (!result.isAllowed && result.isExceeded) retryAfter = Math.max(retryAfter, result.ttlInSeconds);
      }
      if (retryAfter) {
        reply.header('Retry-After', String(Math.max(1, retryAfter)));
        throw new AppError(429, 'TOO_MANY_REQUESTS', 'Too many attempts; try again later');
      }
    };
    const existing = route.preHandler;
    route.preHandler = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), check];
  });
}
