import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { AttributionCorrectionEntity } from './attribution-correction.entity.js';
import { AttributionCorrectionsController } from './attribution-corrections.controller.js';
import { AttributionCorrectionsService } from './attribution-corrections.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([AttributionCorrectionEntity]),
    OrdersModule,
    GuidesModule,
    PolicyModule,
    CatalogModule,
    LedgerModule,
  ],
  controllers: [AttributionCorrectionsController],
  providers: [AttributionCorrectionsService],
  exports: [AttributionCorrectionsService],
})
export class AttributionCorrectionsModule {}
