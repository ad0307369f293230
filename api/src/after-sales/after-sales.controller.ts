import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { IdempotencyKey, answerCreate } from '../common/idempotency-key.js';
import { CreateAfterSaleDto, ListAfterSalesQuery, RejectAfterSaleDto } from './after-sales.dto.js';
import { AfterSalesService } from './after-sales.service.js';

/** After-sales (售后), docs/DOMAIN.md Additions. */
@Controller()
export class AfterSalesController {
  constructor(private readonly afterSales: AfterSalesService) {}

  /** The buyer asks for a refund: 201 REQUESTED; the same key and body again → 200 with the same request. */
  @Roles('consumer')
  @Post('orders/:id/after-sales')
  async create(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: CreateAfterSaleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { afterSale, replayed } = await this.afterSales.request(user, id, key, body);
    return answerCreate(reply, replayed, afterSale);
  }

  @Roles('consumer', 'admin', 'finance')
  @Get('orders/:id/after-sales')
  forOrder(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.afterSales.forOrder(user, id);
  }

  @Roles('admin')
  @Get('admin/after-sales')
  list(@Query() query: ListAfterSalesQuery) {
    return this.afterSales.list(query.status);
  }

  /** → APPROVED with its refund created (REFUNDED once WeChat Pay reports the refund's success). */
  @Roles('admin')
  @Post('admin/after-sales/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.afterSales.approve(user, id);
  }

  @Roles('admin')
  @Post('admin/after-sales/:id/reject')
  @HttpCode(200)
  reject(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RejectAfterSaleDto,
  ) {
    return this.afterSales.reject(user, id, body.reason);
  }
}
