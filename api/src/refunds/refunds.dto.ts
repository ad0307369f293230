import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

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

/** `POST /api/orders/:id/refunds`: by line quantities, or by amount, or (neither) everything left. */
export class CreateRefundDto {
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines?: RefundLineDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen?: number;

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

  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
