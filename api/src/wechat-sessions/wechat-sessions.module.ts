import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberWechatSessionEntity } from './wechat-session.entity.js';
import { WechatSessionsService } from './wechat-sessions.service.js';

/** Members' WeChat session keys (identity writes them at login; shares decrypt group data with them). */
@Module({
  imports: [TypeOrmModule.forFeature([MemberWechatSessionEntity])],
  providers: [WechatSessionsService],
  exports: [WechatSessionsService],
})
export class WechatSessionsModule {}
