import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoreEntity, StoreKeyEntity } from './store.entity.js';
import { StoresController } from './stores.controller.js';
import { StoresService } from './stores.service.js';
import { StoreKeyGuard } from './store-key.guard.js';

@Module({
  imports: [TypeOrmModule.forFeature([StoreEntity, StoreKeyEntity])],
  controllers: [StoresController],
  providers: [StoresService, StoreKeyGuard],
  exports: [StoresService, StoreKeyGuard],
})
export class StoresModule {}
