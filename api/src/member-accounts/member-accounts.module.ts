import { Module } from '@nestjs/common';
import { GuidesModule } from '../guides/guides.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { MemberAccountsService } from './member-accounts.service.js';
import { MembersController } from './members.controller.js';
import { MembersModule } from '../members/members.module.js';

/**
 * The members HTTP API. Separate from MembersModule because it needs GuidesModule, which itself
 * imports MembersModule (departure hands members over).
 */
@Module({
  imports: [MembersModule, GuidesModule, StoresModule],
  controllers: [MembersController],
  providers: [MemberAccountsService],
  exports: [MemberAccountsService],
})
export class MemberAccountsModule {}
