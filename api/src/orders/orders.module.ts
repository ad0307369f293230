import { Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { LivesModule } from '../lives/lives.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { MembersModule } from '../members/members.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';
import { StoreOrdersService } from './store-orders.service.js';

const EXPIRY_SWEEP_MS = 60_000;

@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderLineEntity]),
    CatalogModule,
    SharesModule,
    MembersModule,
    GuidesModule,
    PolicyModule,
    LivesModule,
    LedgerModule,
  ],
  controllers: [OrdersController],
  providers: [OrdersService, StoreOrdersService],
  exports: [OrdersService, StoreOrdersService],
})
export class OrdersModule implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(private readonly orders: OrdersService) {}

  onModuleInit() {
    this.timer = setInterval(() => void this.orders.expireUnpaid().catch(() => undefined), EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }
}
