import { IsIn } from 'class-validator';
import type { AfterSaleStatus } from '@guideshare/contracts';
import { Reason } from '../common/dto-fields.js';
import { OptionalNotNull } from '../common/validation.js';
// A request asks for what the refund it becomes will take back.
import { RefundScopeDto } from '../refunds/refunds.dto.js';

/** `POST /api/orders/:id/after-sales`: some lines, or an amount, or (neither) everything still refundable. */
export class CreateAfterSaleDto extends RefundScopeDto {
  @Reason()
  reason!: string;
}

export class RejectAfterSaleDto {
  @Reason()
  reason!: string;
}

export class ListAfterSalesQuery {
  @OptionalNotNull()
  @IsIn(['REQUESTED', 'APPROVED', 'REJECTED', 'REFUNDED'])
  status?: AfterSaleStatus;
}
