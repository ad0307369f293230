import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoresModule } from '../stores/stores.module.js';
import { LiveEntity } from './live.entity.js';
import { LivesController } from './lives.controller.js';
import { LivesService } from './lives.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([LiveEntity]), StoresModule],
  controllers: [LivesController],
  providers: [LivesService],
  exports: [LivesService],
})
export class LivesModule {}
