import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicyModule } from '../policy/policy.module.js';
import { CreditTransferService } from './credit-transfer.service.js';
import { LedgerController } from './ledger.controller.js';
import { LedgerEntryEntity } from './ledger-entry.entity.js';
import { LedgerHoldEntity } from './ledger-hold.entity.js';
import { LedgerService } from './ledger.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([LedgerEntryEntity, LedgerHoldEntity]), PolicyModule],
  controllers: [LedgerController],
  providers: [LedgerService, CreditTransferService],
  exports: [LedgerService, CreditTransferService],
})
export class LedgerModule {}
