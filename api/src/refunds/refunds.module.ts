import { Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { RefundEntity, RefundLineEntity } from './refund.entities.js';
import { RefundsController } from './refunds.controller.js';
import { RefundsService } from './refunds.service.js';

const SYNC_EVERY_MS = 60_000;

@Module({
  imports: [
    TypeOrmModule.forFeature([RefundEntity, RefundLineEntity]),
    OrdersModule,
    PaymentsModule,
    LedgerModule,
    StoresModule,
  ],
  controllers: [RefundsController],
  providers: [RefundsService],
  exports: [RefundsService],
})
export class RefundsModule implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(private readonly refunds: RefundsService) {}

  /** Refunds whose notification never came are queried (or re-sent) once a minute. */
  onModuleInit() {
    this.timer = setInterval(() => void this.refunds.syncPending().catch(() => undefined), SYNC_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }
}
