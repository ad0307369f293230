import { Module } from '@nestjs/common';
import { GuidesModule } from '../guides/guides.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { GuideCustomersController, GuideCustomersService } from './customers.report.js';
import { GroupReportsController } from './groups.controller.js';
import { GroupReportsService } from './groups.report.js';
import { ReportsController } from './reports.controller.js';
import { ReportsReader } from './reports.reader.js';
import { ReportsService } from './reports.service.js';

/** Guide statistics and reports: a read-only model over shares, visits, orders, ledger and registrations. */
@Module({
  imports: [GuidesModule, StoresModule],
  controllers: [ReportsController, GroupReportsController, GuideCustomersController],
  providers: [ReportsReader, ReportsService, GroupReportsService, GuideCustomersService],
  exports: [ReportsService],
})
export class ReportsModule {}
