import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { CreateClaimDto, ListClaimsQuery, RejectClaimDto } from './claims.dto.js';
import { ClaimsService } from './claims.service.js';

/** Claims (补录), docs/DOMAIN.md "Attribution policy options". */
@Controller()
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Roles('guide')
  @Post('guides/me/claims')
  create(@CurrentUser() user: Principal, @Body() body: CreateClaimDto) {
    return this.claims.create(user.sub, body);
  }

  @Roles('guide')
  @Get('guides/me/claims')
  mine(@CurrentUser() user: Principal) {
    return this.claims.mine(user.sub);
  }

  @Roles('admin')
  @Get('admin/claims')
  list(@Query() query: ListClaimsQuery) {
    return this.claims.list(query.status);
  }

  /** → APPROVED, and the sale credited to the claiming guide (an attribution correction). */
  @Roles('admin')
  @Post('admin/claims/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.claims.approve(user.sub, id);
  }

  @Roles('admin')
  @Post('admin/claims/:id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectClaimDto) {
    return this.claims.reject(user.sub, id, body.reason);
  }
}
