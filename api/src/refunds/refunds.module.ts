import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { Sweeps } from '../scheduling/sweeps.service.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { RefundEntity, RefundLineEntity } from './refund.entities.js';
import { AutomaticRefunds } from './automatic-refunds.service.js';
import { RefundNotifications } from './refund-notify.service.js';
import { RefundSettlement } from './refund-settlement.service.js';
import { RefundSubmitter } from './refund-submitter.service.js';
import { RefundSync } from './refund-sync.service.js';
import { RefundsController } from './refunds.controller.js';
import { RefundsService } from './refunds.service.js';

const SYNC_EVERY_MS = 60_000;

@Module({
  imports: [
    SchedulingModule,
    TypeOrmModule.forFeature([RefundEntity, RefundLineEntity]),
    OrdersModule,
    PaymentsModule,
    LedgerModule,
    StoresModule,
  ],
  controllers: [RefundsController],
  providers: [RefundsService, RefundSubmitter, RefundSettlement, RefundNotifications, RefundSync, AutomaticRefunds],
  exports: [RefundsService, RefundNotifications, AutomaticRefunds],
})
export class RefundsModule implements OnModuleInit {
  constructor(
    private readonly sync: RefundSync,
    private readonly sweeps: Sweeps,
  ) {}

  /** Refunds whose notification never came are queried (or re-sent) once a minute, on one instance. */
  onModuleInit() {
    this.sweeps.every('refund-sync', SYNC_EVERY_MS, () => this.sync.syncPending());
  }
}
