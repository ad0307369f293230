import { Module } from '@nestjs/common';
import { GuidesModule } from '../guides/guides.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { GuideCardsController } from './guide-cards.controller.js';

/** The sharing guide's public card on the product page (read-only; shares and guides stay their own modules). */
@Module({
  imports: [SharesModule, GuidesModule, StoresModule],
  controllers: [GuideCardsController],
})
export class GuideCardsModule {}
