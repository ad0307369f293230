import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributionCorrectionsModule } from '../attribution-corrections/attribution-corrections.module.js';
import { GuidesModule } from '../guides/guides.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { ClaimEntity } from './claim.entity.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity]), AttributionCorrectionsModule, OrdersModule, GuidesModule],
  controllers: [ClaimsController],
  providers: [ClaimsService],
})
export class ClaimsModule {}
