import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributionEvidenceModule } from '../attribution-evidence/attribution-evidence.module.js';
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

// Unpaid orders are cancelled and expired by the payments module (it closes their WeChat Pay transactions).
@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderLineEntity]),
    AttributionEvidenceModule,
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
export class OrdersModule {}
