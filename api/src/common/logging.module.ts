import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type LoggingOptions, pinoHttpOptions } from './logging.js';

/**
 * The application module under nestjs-pino: its pino-http middleware wraps every /api route (404s and
 * 429s included), and its Logger becomes Nest's (`app.useLogger(app.get(Logger))` in bootstrap.ts).
 *
 * nestjs-pino 5.2.1 works on Nest 12 + Fastify: its default route `{/*splat}` runs under the global
 * prefix. What made an earlier attempt look dead was the request id: @fastify/middie gives the
 * middleware the raw request with Fastify's own `id` already set, so pino-http's genReqId (where the
 * X-Request-Id header was set) never ran. Fastify names the request instead (logging.ts `genReqId`).
 *
 * nestjs-pino keeps one pino-http instance per process: a second app in the same process (some tests)
 * logs through the first one's options.
 */
@Module({})
export class LoggingRootModule {
  static wrap(app: DynamicModule, options: LoggingOptions): DynamicModule {
    return {
      module: LoggingRootModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(options) }), app],
    };
  }
}
