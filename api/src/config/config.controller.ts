import { Controller, Get, HttpCode, HttpStatus, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { Public } from '../auth/auth.decorators.js';
import { Transactions } from '../database/transactions.js';
import { PolicyService } from '../policy/policy.service.js';
import type { AppConfig as PublicConfig } from '@guideshare/contracts';
import { APP_CONFIG, type AppConfig } from './app-config.js';

/** What a client may know about this deployment (the H5 demo pays through the simulator). */
@Controller()
export class ConfigController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: PolicyService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: Transactions,
  ) {}

  /** `onlineWindowHours`: the mini-program drops a stored share code once it is older than this. */
  @Public()
  @Get('config')
  async get(): Promise<PublicConfig> {
    return {
      appId: this.config.wechat.appId,
      businessTz: this.config.businessTz,
      simulatorUrl: this.config.simulatorUrl,
      onlineWindowHours: (await this.policy.current(this.tx.outside)).onlineWindowHours,
    };
  }

  @Public()
  @Get('health')
  health() {
    return { ok: true };
  }

  /** Ready to serve: 200 only while the database answers (a load balancer's readiness probe). */
  @Public()
  @Get('ready')
  @HttpCode(200)
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'NOT_READY', 'The database does not answer');
    }
    return { ok: true };
  }
}
