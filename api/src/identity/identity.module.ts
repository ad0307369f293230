import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributionEvidenceModule } from '../attribution-evidence/attribution-evidence.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { MembersModule } from '../members/members.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { WechatSessionsModule } from '../wechat-sessions/wechat-sessions.module.js';
import { IdentityController } from './identity.controller.js';
import { IdentityService } from './identity.service.js';
import { RegistrationController } from './registration.controller.js';
import { RegistrationService } from './registration.service.js';
import { StaffAccountEntity } from './staff.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffAccountEntity]),
    AttributionEvidenceModule,
    MembersModule,
    GuidesModule,
    SharesModule,
    PolicyModule,
    StoresModule,
    WechatSessionsModule,
  ],
  controllers: [IdentityController, RegistrationController],
  providers: [IdentityService, RegistrationService],
})
export class IdentityModule {}
