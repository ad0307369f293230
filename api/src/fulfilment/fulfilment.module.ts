import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { Sweeps } from '../scheduling/sweeps.service.js';
import { StoresModule } from '../stores/stores.module.js';
import { FulfilmentController } from './fulfilment.controller.js';
import { FulfilmentEntity, MemberAddressEntity } from './fulfilment.entities.js';
import { FulfilmentService } from './fulfilment.service.js';

const AUTO_RECEIPT_SWEEP_MS = 10 * 60_000;

/** Delivery and pickup of online orders, and the member's remembered delivery address. */
@Module({
  imports: [SchedulingModule, TypeOrmModule.forFeature([FulfilmentEntity, MemberAddressEntity]), StoresModule],
  controllers: [FulfilmentController],
  providers: [FulfilmentService],
  exports: [FulfilmentService],
})
export class FulfilmentModule implements OnModuleInit {
  constructor(
    private readonly fulfilment: FulfilmentService,
    private readonly sweeps: Sweeps,
  ) {}

  /** Shipped orders count as received AUTO_RECEIPT_DAYS after shipping: checked every 10 minutes, on one instance (errors logged). */
  onModuleInit() {
    this.sweeps.every('auto-receipt', AUTO_RECEIPT_SWEEP_MS, () => this.fulfilment.autoConfirmDue());
  }
}
