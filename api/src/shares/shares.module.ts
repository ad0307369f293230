import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { LivesModule } from '../lives/lives.module.js';
import { MembersModule } from '../members/members.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { WechatSessionsModule } from '../wechat-sessions/wechat-sessions.module.js';
import { PosterService } from './poster.service.js';
import { ShareEstimatesController, ShareEstimatesService } from './share-estimates.js';
import { ShareMediaController } from './share-media.controller.js';
import { SharePosterEntity, ShareWxacodeEntity } from './share-media.entities.js';
import { ShareEntity, VisitEntity } from './share.entities.js';
import { SharesController } from './shares.controller.js';
import { SharesService } from './shares.service.js';
import { WxacodeService } from './wxacode.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ShareEntity, VisitEntity, ShareWxacodeEntity, SharePosterEntity]),
    GuidesModule,
    MembersModule,
    PolicyModule,
    CatalogModule,
    LivesModule,
    StoresModule,
    WechatSessionsModule,
  ],
  controllers: [SharesController, ShareMediaController, ShareEstimatesController],
  providers: [SharesService, WxacodeService, PosterService, ShareEstimatesService],
  exports: [SharesService],
})
export class SharesModule {}
