import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';

/**
 * What a request body may cost before anything looks at its meaning (docs/DOMAIN.md "Operations"): the size is
 * enforced by Fastify while the body streams in (413), the shape by one pass over the raw bytes before
 * `JSON.parse`, so class-transformer and class-validator never see a body that could make them slow.
 */
export const BODY_LIMITS = {
  /** Every route unless it says otherwise with @BodyLimit. */
  json: 64 * 1024,
  /** The WeChat Pay trade bill (`POST /api/finance/reconciliations`, text/csv). */
  tradeBill: 20 * 1024 * 1024,
  // Multipart uploads are not parsed by Fastify's body reader: @fastify/multipart enforces their
  // own file size limit (MAX_UPLOAD_BYTES, bootstrap.ts).
} as const;

export const MAX_JSON_KEYS = 1000;
export const MAX_JSON_DEPTH = 32;

/**
 * Raises (or lowers) the body limit of one route: `@BodyLimit(BODY_LIMITS.tradeBill)` next to `@Post`.
 * It travels as Fastify route config and `applyRouteBodyLimits` turns it into the route's `bodyLimit`.
 */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/** Installs the per-route limits; call before the routes are registered (before `app.init()`). */
export function applyRouteBodyLimits(fastify: FastifyInstance) {
  fastify.addHook('onRoute', (route) => {
    const bytes = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof bytes === 'number') route.bodyLimit = bytes;
  });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * One pass over the raw JSON text, before it is parsed: nesting depth (objects and arrays) and the
 * number of keys (a `:` outside a string is a key in valid JSON; invalid JSON fails to parse later).
 * Returns the problem, or null. Linear in the body's length, no recursion, stops at the first excess.
 */
export function jsonShapeProblem(body: Buffer, maxKeys = MAX_JSON_KEYS, maxDepth = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return `The body is nested deeper than ${maxDepth} levels`;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
    else if (c === COLON && ++keys > maxKeys) return `The body has more than ${maxKeys} keys`;
  }
  return null;
}

type Done = (err: Error | null, body?: unknown) => void;

/**
 * The JSON body parser: the shape check above, then Fastify's own parser (secure-json-parse, which
 * refuses `__proto__` and `constructor.prototype` keys).
 */
export function createJsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (req: unknown, body: Buffer, done: Done) => {
    const problem = jsonShapeProblem(body);
    if (problem) return done(AppError.badRequest('VALIDATION_FAILED', problem, [{ field: 'body', message: problem }]));
    parse(req as never, body as never, done as never);
  };
}
