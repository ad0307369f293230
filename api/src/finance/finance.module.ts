import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuidesModule } from '../guides/guides.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { RefundsModule } from '../refunds/refunds.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { AdjustmentsService } from './adjustments.service.js';
import { FinanceController } from './finance.controller.js';
import { ReconciliationService } from './reconciliation.service.js';
import { ReconciliationRunEntity } from './reconciliation-run.entity.js';
import { ReconciliationRunsService } from './reconciliation-runs.service.js';
import { SettlementEntity, StatementEntity } from './settlement.entities.js';
import { SettlementsService } from './settlements.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SettlementEntity, StatementEntity, ReconciliationRunEntity]),
    LedgerModule,
    GuidesModule,
    StoresModule,
    OrdersModule,
    PaymentsModule,
    RefundsModule,
  ],
  controllers: [FinanceController],
  providers: [SettlementsService, AdjustmentsService, ReconciliationService, ReconciliationRunsService],
  exports: [SettlementsService],
})
export class FinanceModule {}
