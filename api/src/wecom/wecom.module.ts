import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatApiClient } from '@guideshare/wechat';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { GuidesModule } from '../guides/guides.module.js';
import { MembersModule } from '../members/members.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { CustomerCardService } from './customer-card.service.js';
import { OaFollowerEntity } from './oa-follower.entity.js';
import { OA_API_CLIENT, OaFollowersService } from './oa-followers.service.js';
import { WecomSidebarController } from './sidebar.page.js';
import { WecomController } from './wecom.controller.js';

/**
 * The WeCom sidebar customer card and the Official Account follower sync. The sync runs on demand
 * (POST /api/admin/wecom/followers/sync) with the OA's own credentials (WECHAT_OA_APPID /
 * WECHAT_OA_SECRET; the demo uses the simulator's demo app).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OaFollowerEntity]),
    GuidesModule,
    MembersModule,
    StoresModule,
    SharesModule,
    ReportsModule,
  ],
  controllers: [WecomController, WecomSidebarController],
  providers: [
    CustomerCardService,
    OaFollowersService,
    {
      provide: OA_API_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        c.officialAccount
          ? new WechatApiClient({
              baseUrl: c.wechat.apiBase,
              appId: c.officialAccount.appId,
              secret: c.officialAccount.secret,
            })
          : null,
    },
  ],
  exports: [OaFollowersService],
})
export class WecomModule {}
