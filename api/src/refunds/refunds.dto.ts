import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';

/** 10 million yuan: far above any order, far below the safe-integer range. */
const MAX_FEN = 1_000_000_000;

export class RefundLineDto {
  @IsUUID()
  lineId!: string;

  @IsInt()
  @Min(1)
  @Max(9999)
  quantity!: number;
}

/**
 * `POST /api/orders/:id/refunds`: names what it refunds — line quantities, an amount, or `full: true`
 * (everything left). Exactly one of them; `null` is never "absent".
 */
export class CreateRefundDto {
  @OptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines?: RefundLineDto[];

  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen?: number;

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

  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
