import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';

/** An incoming X-Request-Id is kept only if it looks like this; anything else gets a fresh id. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

/** Query parameters whose values never reach a log line (login codes, tickets, signatures, tokens). */
const SECRET_QUERY = /token|code|secret|password|passwd|sign|ticket|key|auth|session/i;

/** Paths pino blanks in every line, wherever a caller put such an object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
];

/** The incoming id when it is safe to repeat, else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const id = Array.isArray(incoming) ? incoming[0] : incoming;
  return id && SAFE_REQUEST_ID.test(id) ? id : randomUUID();
}

/** The URL as logged: path kept, values of secret-looking query parameters replaced. */
export function loggableUrl(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of [...params.keys()]) if (SECRET_QUERY.test(name)) params.set(name, '***');
  return `${url.slice(0, q)}?${params.toString()}`;
}

/**
 * Fastify names each request (its genReqId, given to the FastifyAdapter) and the reply carries the name.
 * pino-http cannot do it: @fastify/middie hands middleware the raw request with Fastify's `id` already
 * on it, so pino-http's own genReqId is never called (an X-Request-Id set there never appears).
 */
export const genReqId = (req: IncomingMessage) => requestIdFor(req.headers[REQUEST_ID_HEADER]);

export function echoRequestIds(fastify: FastifyInstance) {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
}

export interface LoggingOptions {
  level: LevelWithSilent;
  /** Where the JSON lines go (stdout when omitted); tests pass a capturing stream. */
  stream?: DestinationStream;
}

/**
 * pino-http options (nestjs-pino's middleware): one JSON line per finished request ({reqId, method, url,
 * status, ms}), and every log made while the request runs carries the same reqId (nestjs-pino keeps the
 * request's child logger in AsyncLocalStorage, its Logger is Nest's).
 */
export function pinoHttpOptions(options: LoggingOptions): Options {
  return {
    level: options.level,
    stream: options.stream,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    // App logs inside a request carry {reqId} only, not the whole request.
    quietReqLogger: true,
    // Load balancers poll the health check; its answers are not worth a line each. (Inside the
    // middleware, @fastify/middie has cut the route's prefix off `url`; `originalUrl` is whole.)
    autoLogging: { ignore: (req) => ((req as { originalUrl?: string }).originalUrl ?? req.url) === '/api/health' },
    quietResLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: { responseTime: number }) => ({
      method: req.method,
      url: loggableUrl(req.url),
      status: res.statusCode,
      ms: value.responseTime,
    }),
    // No `err` here: for a 5xx pino-http makes up an Error ("failed with status code …") whose stack
    // is its own; a real exception is logged once, with its stack and this reqId, by ErrorFilter.
    customErrorObject: (req, res, _err, value: { responseTime: number }) => ({
      method: req.method,
      url: loggableUrl(req.url),
      status: res.statusCode,
      ms: value.responseTime,
    }),
  };
}
