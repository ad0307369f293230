import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { CustomerCardService } from './customer-card.service.js';
import { OaFollowersService } from './oa-followers.service.js';

const EXTERNAL_USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

@Controller()
export class WecomController {
  constructor(
    private readonly cards: CustomerCardService,
    private readonly followers: OaFollowersService,
  ) {}

  /** The sidebar card for the contact of the current chat (ww.getCurExternalContact().userId). */
  @Roles('guide')
  @Get('wecom/customers/:externalUserId')
  card(@CurrentUser() user: Principal, @Param('externalUserId') externalUserId: string) {
    if (!EXTERNAL_USER_ID.test(externalUserId)) {
      throw AppError.badRequest('VALIDATION_FAILED', 'The request is not valid', [
        { field: 'externalUserId', message: 'externalUserId must be 1–64 letters, digits, _ or -' },
      ]);
    }
    return this.cards.card(user.sub, externalUserId);
  }

  /** Re-reads the Official Account's followers (user/get + user/info/batchget) into oa_followers. */
  @Roles('admin')
  @Post('admin/wecom/followers/sync')
  @HttpCode(200)
  syncFollowers() {
    return this.followers.sync();
  }
}
