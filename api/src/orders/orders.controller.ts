import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IdempotencyKey, answerCreate } from '../common/idempotency-key.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { CreateOrderDto, ListOrdersQuery } from './orders.dto.js';
import { OrderCheckoutService } from './order-checkout.service.js';
import { OrdersService } from './orders.service.js';

@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly checkout: OrderCheckoutService,
  ) {}

  /** 201 for a new order; a replay of the same key and body answers with the first order (200). */
  @Roles('consumer')
  @Post()
  async create(
    @CurrentUser() user: Principal,
    @IdempotencyKey() key: string,
    @Body() body: CreateOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { order, replayed } = await this.checkout.create(user.sub, key, body);
    return answerCreate(reply, replayed, order);
  }

  @Roles('consumer', 'guide', 'admin', 'finance', 'clerk')
  @Get()
  list(@CurrentUser() user: Principal, @Query() query: ListOrdersQuery) {
    return this.orders.list(user, query);
  }

  @Roles('consumer', 'admin', 'finance', 'clerk')
  @Get(':id')
  get(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.get(user, id);
  }

  // POST /api/orders/:id/cancel is the payments module's (payments/unpaid-orders.controller.ts): it
  // closes the WeChat Pay transaction before the order is cancelled.
}
