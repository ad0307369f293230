import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { PickupDto, ShipmentDto } from '../fulfilment/fulfilment.dto.js';
import { CounterEndpoint, CounterStore } from '../stores/counter.guard.js';
import { OrderFulfilmentService } from './order-fulfilment.service.js';

/** Delivery and pickup of online orders (docs/DOMAIN.md "Fulfilment"). Each answers with the order. */
@Controller()
export class OrderFulfilmentController {
  constructor(private readonly fulfilment: OrderFulfilmentService) {}

  /** Ops ship a paid delivery order → `SHIPPED`. The same shipment again → 200, unchanged. */
  @Roles('admin')
  @Post('admin/orders/:id/shipment')
  @HttpCode(200)
  ship(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ShipmentDto) {
    return this.fulfilment.ship(user, id, body);
  }

  /** The buyer confirms receipt → `FULFILLED` (a repeat → 200, unchanged). */
  @Roles('consumer')
  @Post('orders/:id/receipt')
  @HttpCode(200)
  receive(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.fulfilment.confirmReceipt(user, id);
  }

  /**
   * The counter (store key or clerk) hands a paid pickup order over by its code → `FULFILLED`; a
   * repeat → 200, same order.
   */
  @CounterEndpoint()
  @Post('pos/pickups')
  @HttpCode(200)
  async pickup(
    @CounterStore() storeId: string,
    @Body() body: PickupDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { order, replayed } = await this.fulfilment.handOver(storeId, body.pickupCode);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return order;
  }
}
