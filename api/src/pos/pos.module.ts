import { Module } from '@nestjs/common';
import { GuidesModule } from '../guides/guides.module.js';
import { MembersModule } from '../members/members.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { PosController } from './pos.controller.js';
import { PosService } from './pos.service.js';

@Module({
  imports: [StoresModule, MembersModule, OrdersModule, GuidesModule],
  controllers: [PosController],
  providers: [PosService],
})
export class PosModule {}
