import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { CorrectAttributionDto } from './attribution-corrections.dto.js';
import { AttributionCorrectionsService } from './attribution-corrections.service.js';

@Controller('admin/orders')
@Roles('admin')
export class AttributionCorrectionsController {
  constructor(private readonly corrections: AttributionCorrectionsService) {}

  /** → the order, credited to `guideId` (rule `manual`); the ledger follows at the frozen rates. */
  @Post(':id/attribution')
  @HttpCode(200)
  correct(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CorrectAttributionDto,
  ) {
    return this.corrections.correct(id, body, user.sub);
  }

  @Get(':id/attribution-history')
  async history(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.corrections.history(id);
  }
}
