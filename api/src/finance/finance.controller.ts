import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '../common/app-error.js';
import { isBusinessDate } from '../common/business-time.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { AdjustmentsService } from './adjustments.service.js';
import { CloseSettlementDto, CreateAdjustmentDto, FetchBillDto, ListAdjustmentsQuery } from './finance.dto.js';
import { ReconciliationService } from './reconciliation.service.js';
import { ReconciliationRunsService } from './reconciliation-runs.service.js';
import { SettlementsService } from './settlements.service.js';
import { BODY_LIMITS, BodyLimit } from '../common/request-body.js';
import { answerCreate, OptionalIdempotencyKey } from '../common/idempotency-key.js';

@Controller('finance')
export class FinanceController {
  constructor(
    private readonly adjustments: AdjustmentsService,
    private readonly settlements: SettlementsService,
    private readonly reconciliation: ReconciliationService,
    private readonly runs: ReconciliationRunsService,
  ) {}

  /** A signed correction for a guide; an optional Idempotency-Key makes a retry land once. */
  @Roles('finance')
  @Post('adjustments')
  async adjust(
    @Body() body: CreateAdjustmentDto,
    @OptionalIdempotencyKey() key: string | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { entry, replayed } = await this.adjustments.create(body, key);
    return answerCreate(reply, replayed, entry);
  }

  /** Adjustments with their reasons, newest first. */
  @Roles('finance', 'admin')
  @Get('adjustments')
  listAdjustments(@Query() query: ListAdjustmentsQuery) {
    return this.adjustments.list(query);
  }

  /** Closes a month: 201 with the statements; a closed period again → 409. */
  @Roles('finance')
  @Post('settlements')
  close(@CurrentUser() user: Principal, @Body() body: CloseSettlementDto) {
    return this.settlements.close(body.period, user.sub);
  }

  @Roles('finance', 'admin')
  @Get('settlements')
  list() {
    return this.settlements.list();
  }

  /** The close of the period computed now, writing nothing: what POST /settlements would do. */
  @Roles('finance', 'admin')
  @Get('settlements/:period/preview')
  preview(@Param('period') period: string) {
    return this.settlements.preview(period);
  }

  @Roles('finance', 'admin')
  @Get('settlements/:period')
  get(@Param('period') period: string) {
    return this.settlements.get(period);
  }

  /** The statements as CSV for Excel (UTF-8 BOM, CRLF, quoted), streamed. */
  @Roles('finance', 'admin')
  @Get('settlements/:period/statements.csv')
  async csv(@Param('period') period: string, @Res() reply: FastifyReply) {
    const { filename, stream } = await this.settlements.statementsCsv(period);
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${filename}"`)
      .header('Cache-Control', 'no-store')
      .send(stream);
  }

  /** Body: the WeChat Pay trade bill as `text/csv`. A malformed bill is a 400 naming the line. */
  @Roles('finance')
  @Post('reconciliations')
  @BodyLimit(BODY_LIMITS.tradeBill)
  @HttpCode(200)
  async reconcile(@CurrentUser() user: Principal, @Body() body: unknown, @Query('billDate') billDate?: string) {
    if (typeof body !== 'string')
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the WeChat Pay trade bill as text/csv');
    if (billDate !== undefined && !isBusinessDate(billDate))
      throw AppError.badRequest('BILL_DATE_INVALID', 'billDate must be YYYY-MM-DD');
    return this.runs.record('upload', user.sub, await this.reconciliation.reconcileCsv(body, billDate));
  }

  /** Downloads the day's bill from WeChat Pay itself and reconciles it. */
  @Roles('finance')
  @Post('reconciliations/wechat')
  @HttpCode(200)
  async reconcileFromWechat(@CurrentUser() user: Principal, @Body() body: FetchBillDto) {
    return this.runs.record('wechat', user.sub, await this.reconciliation.reconcileFromWechat(body.billDate));
  }

  /** Kept runs, newest first, with their counts. */
  @Roles('finance', 'admin')
  @Get('reconciliations')
  listRuns() {
    return this.runs.list();
  }

  /** One run with its whole report. */
  @Roles('finance', 'admin')
  @Get('reconciliations/:id')
  run(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.get(id);
  }
}
