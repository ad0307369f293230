import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { PolicyService } from '../policy/policy.service.js';
import { APP_CONFIG, type AppConfig } from './app-config.js';

/** What a client may know about this deployment (the H5 demo pays through the simulator). */
@Controller()
export class ConfigController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: PolicyService,
  ) {}

  /** `onlineWindowHours`: the mini-program drops a stored share code once it is older than this. */
  @Public()
  @Get('config')
  async get() {
    return {
      appId: this.config.wechat.appId,
      businessTz: this.config.businessTz,
      simulatorUrl: this.config.simulatorUrl,
      onlineWindowHours: (await this.policy.current()).onlineWindowHours,
    };
  }

  @Public()
  @Get('health')
  health() {
    return { ok: true };
  }
}
