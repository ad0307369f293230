import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { GuideReportQueryDto, PeriodQueryDto } from './reports.dto.js';
import { ReportsService } from './reports.service.js';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The signed-in guide's own figures for the period, and day by day. */
  @Roles('guide')
  @Get('guides/me/stats')
  mine(@CurrentUser() user: Principal, @Query() query: PeriodQueryDto) {
    return this.reports.guideStats(user.sub, query);
  }

  /** Per guide, per store and brand-wide, with the private-domain share of revenue. */
  @Roles('admin', 'finance')
  @Get('reports/guides')
  guides(@Query() query: GuideReportQueryDto) {
    return this.reports.guideReport(query);
  }

  /** The per-guide rows as CSV (UTF-8 with BOM, Chinese headers) for Excel. */
  @Roles('admin', 'finance')
  @Get('reports/guides.csv')
  async guidesCsv(@Query() query: GuideReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { filename, body } = await this.reports.guideReportCsv(query);
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
