import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { Sweeps } from '../scheduling/sweeps.service.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { FulfilmentModule } from '../fulfilment/fulfilment.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { LivesModule } from '../lives/lives.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { MembersModule } from '../members/members.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { SharesModule } from '../shares/shares.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { OrderFulfilmentController } from './fulfilment.controller.js';
import { OrderCheckoutService } from './order-checkout.service.js';
import { OrderFulfilmentService } from './order-fulfilment.service.js';
import { OrderSearchController } from './order-search.controller.js';
import { OrderSearchService } from './order-search.service.js';
import { OrderEntity, OrderLineEntity } from './order.entities.js';
import { OrdersController } from './orders.controller.js';
import { OrderAttributionService } from './order-attribution.service.js';
import { OrdersService } from './orders.service.js';
import { StoreOrdersService } from './store-orders.service.js';

const EXPIRY_SWEEP_MS = 60_000;

@Module({
  imports: [
    SchedulingModule,
    TypeOrmModule.forFeature([OrderEntity, OrderLineEntity]),
    CatalogModule,
    SharesModule,
    MembersModule,
    GuidesModule,
    PolicyModule,
    LivesModule,
    LedgerModule,
    FulfilmentModule,
    StoresModule,
  ],
  controllers: [OrdersController, OrderFulfilmentController, OrderSearchController],
  providers: [
    OrdersService,
    StoreOrdersService,
    OrderAttributionService,
    OrderCheckoutService,
    OrderFulfilmentService,
    OrderSearchService,
  ],
  exports: [OrdersService, StoreOrdersService, OrderAttributionService],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly orders: OrdersService,
    private readonly sweeps: Sweeps,
  ) {}

  /** Unpaid orders past their time are expired once a minute, on one instance. */
  onModuleInit() {
    this.sweeps.every('order-expiry', EXPIRY_SWEEP_MS, () => this.orders.expireUnpaid());
  }
}
