import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type LoggingOptions, pinoHttpOptions } from './logging.js';

/** The application module under nestjs-pino: its middleware wraps every route, its Logger is Nest's. */
@Module({})
export class LoggingRootModule {
  static wrap(app: DynamicModule, options: LoggingOptions): DynamicModule {
    return {
      module: LoggingRootModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(options) }), app],
    };
  }
}
