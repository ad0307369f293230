import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { PrivacyService } from './privacy.service.js';

@Controller('members/me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything held about the member, with what each part is for. */
  @Roles('consumer')
  @Get('data')
  data(@CurrentUser() user: Principal) {
    return this.privacy.export(user.sub);
  }

  /**
   * Deletes the account → 204. The token stops working; a later WeChat login starts a new member with
   * nothing of the old one. 409 ACCOUNT_HAS_OPEN_ORDERS while a paid order is still on its way.
   */
  @Roles('consumer')
  @Delete()
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal): Promise<void> {
    await this.privacy.deleteAccount(user.sub);
  }
}
