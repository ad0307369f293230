import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { CreateShareDto, RecordVisitDto } from './shares.dto.js';
import { SharesService } from './shares.service.js';

@Controller()
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Roles('guide')
  @Post('shares')
  create(@CurrentUser() user: Principal, @Body() body: CreateShareDto) {
    return this.shares.issue(user.sub, body.kind, body.targetId);
  }

  @Roles('guide')
  @Get('guides/me/shares')
  mine(@CurrentUser() user: Principal) {
    return this.shares.listForGuide(user.sub);
  }

  @Roles('consumer')
  @Post('visits')
  @HttpCode(202)
  async visit(@CurrentUser() user: Principal, @Body() body: RecordVisitDto) {
    await this.shares.recordVisit(user.sub, body);
    return { accepted: true };
  }
}
