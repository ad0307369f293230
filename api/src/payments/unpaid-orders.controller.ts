import { Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { UnpaidOrders } from './unpaid-orders.service.js';

/** POST /api/orders/:id/cancel: here, not in orders, because the WeChat Pay transaction is closed first. */
@Controller('orders')
export class UnpaidOrdersController {
  constructor(private readonly unpaid: UnpaidOrders) {}

  @Roles('consumer', 'admin')
  @Post(':id/cancel')
  cancel(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.unpaid.cancel(user, id);
  }
}
