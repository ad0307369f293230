import { Injectable } from '@nestjs/common';
import type { Order } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { Transactions } from '../database/transactions.js';
import { GuidesService } from '../guides/guides.service.js';
import { MemberCodeService } from '../members/member-code.service.js';
import { StoreOrdersService, storeSaleHash } from '../orders/store-orders.service.js';
import { CreateRedemptionDto } from './pos.dto.js';

/** A counter clock may run a little ahead of ours. */
const SOLD_AT_MAX_AHEAD_MS = 5 * 60_000;
/** A member code proves the customer was at the counter minutes ago; a receipt from long before is not this visit's. */
const SOLD_AT_MAX_AGE_MS = 24 * 3_600_000;

@Injectable()
export class PosService {
  constructor(
    private readonly codes: MemberCodeService,
    private readonly storeOrders: StoreOrdersService,
    private readonly guides: GuidesService,
    private readonly tx: Transactions,
  ) {}

  /** Who the sale credits, by name, for the clerk to tell the customer; null when nobody. */
  async creditedGuide(order: Order): Promise<{ id: string; name: string } | null> {
    const guideId = order.attribution?.guideId;
    if (!guideId) return null;
    const guide = await this.guides.require(this.tx.outside, guideId);
    return { id: guide.id, name: guide.name };
  }

  /**
   * Redeems a member code against a counter receipt. A retry of a recorded receipt answers with its
   * order even after the code has expired (same member, amounts, lines and sale time → 200; anything
   * else → 409); a new receipt needs a fresh code.
   */
  async redeem(
    storeId: string,
    input: CreateRedemptionDto,
    now = Date.now(),
  ): Promise<{ order: Order; replayed: boolean }> {
    if (input.lines && input.lines.reduce((sum, l) => sum + l.amountFen, 0) !== input.amountFen) {
      throw AppError.badRequest('LINES_TOTAL_MISMATCH', 'The lines must add up to amountFen');
    }
    const body = { amountFen: input.amountFen, lines: input.lines, soldAt: input.soldAt };
    if (await this.storeOrders.exists(storeId, input.receiptNo)) {
      const named = await this.codes.memberOf(input.memberCode, now);
      const replay = await this.storeOrders.replay(
        storeId,
        input.receiptNo,
        storeSaleHash({ memberId: named?.id ?? null, ...body }),
      );
      if (replay) return { order: replay, replayed: true };
    }

    const soldAt = input.soldAt === undefined ? new Date(now) : new Date(input.soldAt);
    if (!(soldAt.getTime() <= now + SOLD_AT_MAX_AHEAD_MS && soldAt.getTime() >= now - SOLD_AT_MAX_AGE_MS)) {
      throw AppError.badRequest(
        'SOLD_AT_OUT_OF_RANGE',
        'soldAt must be within the last 24 hours (and not in the future)',
      );
    }
    const { member, step } = await this.codes.redeem(input.memberCode, now);
    return this.storeOrders.create({
      storeId,
      receiptNo: input.receiptNo,
      memberId: member.id,
      memberCodeStep: step,
      amountFen: input.amountFen,
      lines: input.lines,
      soldAt,
      requestHash: storeSaleHash({ memberId: member.id, ...body }),
    });
  }
}
