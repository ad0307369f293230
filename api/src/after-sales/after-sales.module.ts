import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrdersModule } from '../orders/orders.module.js';
import { RefundsModule } from '../refunds/refunds.module.js';
import { AfterSaleEntity } from './after-sale.entity.js';
import { AfterSalesController } from './after-sales.controller.js';
import { AfterSalesService } from './after-sales.service.js';

/** Consumer refund requests (售后), decided by ops, refunded through the refund flow. */
@Module({
  imports: [TypeOrmModule.forFeature([AfterSaleEntity]), OrdersModule, RefundsModule],
  controllers: [AfterSalesController],
  providers: [AfterSalesService],
  exports: [AfterSalesService],
})
export class AfterSalesModule {}
