import { Controller, Get } from '@nestjs/common';
import type { MemberAddress } from '@guideshare/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { FulfilmentService } from './fulfilment.service.js';

@Controller()
export class FulfilmentController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  /** The member's remembered delivery address (the last one used): `[]` or `[address]`. */
  @Roles('consumer')
  @Get('members/me/addresses')
  async addresses(@CurrentUser() user: Principal): Promise<MemberAddress[]> {
    const last = await this.fulfilment.lastAddress(user.sub);
    return last ? [last] : [];
  }
}
