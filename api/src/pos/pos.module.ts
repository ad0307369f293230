import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { PosController } from './pos.controller.js';
import { PosService } from './pos.service.js';

@Module({
  imports: [StoresModule, MembersModule, OrdersModule],
  controllers: [PosController],
  providers: [PosService],
})
export class PosModule {}
