import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { CounterStore, StoreKeyGuard } from '../stores/store-key.guard.js';
import { CreateRedemptionDto } from './pos.dto.js';
import { PosService } from './pos.service.js';

/** Store counters: authenticated by `X-Store-Key` (not a bearer token). */
@Controller('pos')
@Public()
@UseGuards(StoreKeyGuard)
export class PosController {
  constructor(private readonly pos: PosService) {}

  /** 201 with the new store order; the same (store, receiptNo) and body again → 200 with the same order. */
  @Post('redemptions')
  async redeem(
    @CounterStore() storeId: string,
    @Body() body: CreateRedemptionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { order, replayed } = await this.pos.redeem(storeId, body);
    reply.status(replayed ? 200 : 201);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return order;
  }
}
