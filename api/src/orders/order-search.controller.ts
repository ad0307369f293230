import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { OrderSearchQuery } from './order-search.dto.js';
import { OrderSearchService } from './order-search.service.js';

/** The console's order views. */
@Controller('admin/orders')
export class OrderSearchController {
  constructor(private readonly search: OrderSearchService) {}

  /** Filter and page orders; a clerk's search is limited to its own store whatever it asks. */
  @Roles('admin', 'finance', 'clerk')
  @Get()
  list(@CurrentUser() user: Principal, @Query() query: OrderSearchQuery) {
    return this.search.search(user, query);
  }

  /** The order's commission ledger entries. */
  @Roles('admin', 'finance')
  @Get(':id/ledger')
  ledger(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.search.ledgerOf(id);
  }
}
