import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GuidesModule } from '../guides/guides.module.js';
import { AccessChecks } from './access-checks.js';
import { AuthGuard } from './auth.guard.js';
import { TokenService } from './tokens.js';

/** Bearer tokens and the global role guard: infrastructure every domain module relies on. */
@Global()
@Module({
  imports: [GuidesModule],
  providers: [TokenService, AccessChecks, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, AccessChecks],
})
export class AuthModule {}
