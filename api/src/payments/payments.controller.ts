import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { PaymentsService } from './payments.service.js';

@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Roles('consumer')
  @Post('orders/:id/payment')
  @HttpCode(200)
  prepay(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.payments.prepay(user, id);
  }
}
