import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Logger } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { AppModule } from './app.module.js';
import { serveConsole } from './console-static.js';
import { setupOpenApi } from './openapi.js';
import type { AppConfig } from './config/app-config.js';
import { ErrorFilter } from './common/error.filter.js';
import { echoRequestIds, genReqId } from './common/logging.js';
import { LoggingRootModule } from './common/logging.module.js';
import { applyRouteBodyLimits, BODY_LIMITS, createJsonBodyParser } from './common/request-body.js';
import { registerRateLimits } from './common/rate-limits.js';
import { createValidationPipe } from './common/validation.js';
import { MAX_UPLOAD_BYTES } from './uploads/uploads.service.js';

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

export interface CreateAppOptions {
  /** Nest's levels to keep (tests pass ['error']); when omitted, LOG_LEVEL decides. */
  logger?: false | NestLevel[];
  /** Where the JSON log lines go (stdout when omitted). */
  logStream?: DestinationStream;
}

const PINO_LEVEL: Record<NestLevel, LevelWithSilent> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
const ORDER: LevelWithSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** The most verbose pino level among Nest's, or LOG_LEVEL when the caller did not choose. */
function logLevel(config: AppConfig, nest: CreateAppOptions['logger']): LevelWithSilent {
  if (nest === undefined) return config.logLevel;
  const levels = nest === false ? [] : nest.map((l) => PINO_LEVEL[l]);
  return ORDER.find((l) => levels.includes(l)) ?? 'silent';
}

/** Builds the API (not yet listening): migrations run first on MySQL; sql.js syncs its schema. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // The client address is the socket's, unless TRUST_PROXY names proxies whose X-Forwarded-For to believe.
  const trustProxy = config.trustProxy.length ? config.trustProxy : false;
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMITS.json, trustProxy, genReqId });
  const fastify = adapter.getInstance();
  echoRequestIds(fastify);
  applyRouteBodyLimits(fastify);
  // The trade bill arrives as text/csv; keep it as a string for the reconciliation endpoint.
  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  const level = logLevel(config, options.logger);
  const root = LoggingRootModule.wrap(AppModule.forRoot(config), { level, stream: options.logStream });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { rawBody: true, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Image uploads (POST /api/admin/uploads): one file, read by the handler with its own size limit.
  const { default: fastifyMultipart } = await import('@fastify/multipart');
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 },
  });
  // No parser-level limit: each route's bodyLimit (BODY_LIMITS.json unless @BodyLimit says otherwise).
  app.useBodyParser('application/json', {}, createJsonBodyParser(fastify));
  await registerRateLimits(fastify, config);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const dataSource = app.get(DataSource);
  if (dataSource.options.type !== 'sqljs') await dataSource.runMigrations({ transaction: 'each' });
  if (config.staticDir && existsSync(config.staticDir)) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic as never, { root: config.staticDir, prefix: '/', wildcard: false });
  }
  await serveConsole(app, config.consoleDir);
  setupOpenApi(app);
  await app.init();
  return app;
}
