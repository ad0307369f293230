import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/app-error.js';
import type { Principal } from '../auth/tokens.js';
import { MemberAccountsService } from './member-accounts.service.js';
import { MemberSearchQuery, ReassignServiceGuideDto } from './members.dto.js';

@Controller()
export class MembersController {
  constructor(private readonly accounts: MemberAccountsService) {}

  /** The consumer's own account: binding (opening guide, service guide and store). */
  @Roles('consumer')
  @Get('members/me')
  me(@CurrentUser() user: Principal) {
    return this.accounts.me(user.sub);
  }

  /** A short-lived code to show at a store counter: `{code, expiresAt}`. */
  @Roles('consumer')
  @Get('members/me/code')
  code(@CurrentUser() user: Principal) {
    return this.accounts.code(user.sub);
  }

  /** Members found by id, code number or a scanned member code, each with their binding history. */
  @Roles('admin')
  @Get('admin/members')
  search(@Query() query: MemberSearchQuery) {
    const text = query.q ?? query.code;
    if (text === undefined)
      throw AppError.badRequest('QUERY_REQUIRED', 'Name a member id, code number or member code in q');
    return this.accounts.search(text);
  }

  /** A member with the audit trail of their binding changes. */
  @Roles('admin')
  @Get('admin/members/:id')
  detail(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.accounts.detail(id);
  }

  /** Explicit reassignment of a member's service guide (and store); audited with the reason. */
  @Roles('admin')
  @Post('admin/members/:id/service-guide')
  @HttpCode(200)
  reassign(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReassignServiceGuideDto,
  ) {
    return this.accounts.reassign(id, body, user.sub);
  }
}
