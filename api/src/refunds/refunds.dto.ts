import { IsBoolean, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { NestedList, PositiveFen } from '../common/dto-fields.js';
import { OptionalNotNull } from '../common/validation.js';

export class RefundLineDto {
  @IsUUID()
  lineId!: string;

  @IsInt()
  @Min(1)
  @Max(9999)
  quantity!: number;
}

/** What a refund (or the after-sales request that becomes one) takes back: line quantities or an amount. */
export class RefundScopeDto {
  @NestedList(() => RefundLineDto, 50)
  lines?: RefundLineDto[];

  @OptionalNotNull()
  @PositiveFen()
  amountFen?: number;
}

/**
 * `POST /api/orders/:id/refunds`: names what it refunds — line quantities, an amount, or `full: true`
 * (everything left). Exactly one of them; `null` is never "absent".
 */
export class CreateRefundDto extends RefundScopeDto {
  @OptionalNotNull()
  @IsBoolean()
  full?: boolean;

  @IsString()
  @Length(1, 200)
  reason!: string;
}

/** `POST /api/pos/refunds`: a counter refund of a store sale, keyed by (store, refundNo). */
export class PosRefundDto {
  @IsString()
  @Length(1, 64)
  receiptNo!: string;

  @IsString()
  @Length(1, 64)
  @Matches(/^[\x21-\x7e]+$/, { message: 'refundNo must be printable ASCII without spaces' })
  refundNo!: string;

  @PositiveFen()
  amountFen!: number;

  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
