import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { RangeQuery } from '../common/range-query.js';
import { LedgerService } from './ledger.service.js';

@Controller()
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Roles('guide')
  @Get('guides/me/commissions')
  mine(@CurrentUser() user: Principal, @Query() query: RangeQuery) {
    return this.ledger.commissionsForGuide(user.sub, query);
  }
}
