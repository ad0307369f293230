import { Body, Controller, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CounterSale } from '@guideshare/contracts';
import { CounterEndpoint, CounterStore } from '../stores/counter.guard.js';
import { CreateRedemptionDto } from './pos.dto.js';
import { PosService } from './pos.service.js';
import { answerCreate } from '../common/idempotency-key.js';

/** Store counters: a till's `X-Store-Key`, or a clerk of the store signed in to the console. */
@Controller('pos')
@CounterEndpoint()
export class PosController {
  constructor(private readonly pos: PosService) {}

  /**
   * 201 with the new store order; the same (store, receiptNo) and body again → 200 with the same order.
   * `creditedGuide` names the guide the sale credits (the counter tells the customer), or null.
   */
  @Post('redemptions')
  async redeem(
    @CounterStore() storeId: string,
    @Body() body: CreateRedemptionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { order, replayed } = await this.pos.redeem(storeId, body);
    const sale: CounterSale = { ...order, creditedGuide: await this.pos.creditedGuide(order) };
    return answerCreate(reply, replayed, sale);
  }
}
