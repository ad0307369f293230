import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { LivesModule } from '../lives/lives.module.js';
import { MembersModule } from '../members/members.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { ShareEntity, VisitEntity } from './share.entities.js';
import { SharesController } from './shares.controller.js';
import { SharesService } from './shares.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ShareEntity, VisitEntity]),
    GuidesModule,
    MembersModule,
    CatalogModule,
    LivesModule,
    StoresModule,
  ],
  controllers: [SharesController],
  providers: [SharesService],
  exports: [SharesService],
})
export class SharesModule {}
