import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FulfilmentModule } from '../fulfilment/fulfilment.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { MembersModule } from '../members/members.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { Sweeps } from '../scheduling/sweeps.service.js';
import { PaymentEntity, PaymentPrepayEntity } from './payment.entity.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';
import { UnpaidOrdersController } from './unpaid-orders.controller.js';
import { UnpaidOrders } from './unpaid-orders.service.js';

const EXPIRY_SWEEP_MS = 60_000;

@Module({
  imports: [
    SchedulingModule,
    TypeOrmModule.forFeature([PaymentEntity, PaymentPrepayEntity]),
    OrdersModule,
    MembersModule,
    LedgerModule,
    FulfilmentModule,
  ],
  controllers: [PaymentsController, UnpaidOrdersController],
  providers: [PaymentsService, UnpaidOrders],
  exports: [PaymentsService, UnpaidOrders],
})
export class PaymentsModule implements OnModuleInit {
  constructor(
    private readonly unpaid: UnpaidOrders,
    private readonly sweeps: Sweeps,
  ) {}

  /** Unpaid orders past their time are expired once a minute, on one instance. */
  onModuleInit() {
    this.sweeps.every('order-expiry', EXPIRY_SWEEP_MS, () => this.unpaid.expireUnpaid());
  }
}
