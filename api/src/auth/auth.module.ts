import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GuidesModule } from '../guides/guides.module.js';
import { AuthGuard } from './auth.guard.js';
import { TokenService } from './tokens.js';

/** Bearer tokens and the global role guard: infrastructure every domain module relies on. */
@Global()
@Module({
  imports: [GuidesModule],
  providers: [TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
