import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoreEntity, StoreKeyEntity } from './store.entity.js';
import { StoresController } from './stores.controller.js';
import { StoresService } from './stores.service.js';
import { CounterGuard } from './counter.guard.js';

@Module({
  imports: [TypeOrmModule.forFeature([StoreEntity, StoreKeyEntity])],
  controllers: [StoresController],
  providers: [StoresService, CounterGuard],
  exports: [StoresService, CounterGuard],
})
export class StoresModule {}
