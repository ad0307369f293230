import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IdempotencyKey, answerCreate } from '../common/idempotency-key.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { CounterEndpoint, CounterStore } from '../stores/counter.guard.js';
import { CreateRefundDto, PosRefundDto } from './refunds.dto.js';
import { RefundsService, type RefundResult } from './refunds.service.js';

const answer = (reply: FastifyReply, { refund, replayed }: RefundResult) => answerCreate(reply, replayed, refund);

@Controller()
export class RefundsController {
  constructor(private readonly refunds: RefundsService) {}

  /** 201 PROCESSING; the order moves when WeChat Pay's REFUND.SUCCESS arrives. A replay answers 200. */
  @Roles('admin')
  @Post('orders/:id/refunds')
  async create(
    @CurrentUser() user: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @IdempotencyKey() key: string,
    @Body() body: CreateRefundDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.refunds.createOnline(user, id, key, body));
  }

  /** Every refund of an order with its status, including CLOSED, ABNORMAL and FAILED ones. */
  @Roles('admin', 'finance')
  @Get('orders/:id/refunds')
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.refunds.listForOrder(id);
  }

  /** Counter refund of a store sale: immediate. Same (store, refundNo) again → 200 with the first refund. */
  @CounterEndpoint()
  @Post('pos/refunds')
  async counter(
    @CounterStore() storeId: string,
    @Body() body: PosRefundDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.refunds.createAtCounter(storeId, body));
  }
}
