import { Module } from '@nestjs/common';
import { GuidesModule } from '../guides/guides.module.js';
import { LivesModule } from '../lives/lives.module.js';
import { MembersModule } from '../members/members.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { AttributionEvidenceService } from './attribution-evidence.service.js';

/** The one loader of attribution evidence (used by checkout, counter sales and registration). */
@Module({
  imports: [PolicyModule, LivesModule, SharesModule, MembersModule, GuidesModule],
  providers: [AttributionEvidenceService],
  exports: [AttributionEvidenceService],
})
export class AttributionEvidenceModule {}
