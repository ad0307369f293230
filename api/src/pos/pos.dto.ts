import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { NestedList, PositiveFen } from '../common/dto-fields.js';
import { OptionalNotNull } from '../common/validation.js';

/** 100 million yuan: far above any receipt, far below the safe-integer limit. */
export const MAX_RECEIPT_FEN = 10_000_000_000;

export class RedemptionLineDto {
  @IsUUID()
  skuId!: string;

  @IsInt()
  @Min(1)
  @Max(9999)
  quantity!: number;

  /** What the line came to on the receipt, after counter discounts. */
  @IsInt()
  @Min(0)
  @Max(MAX_RECEIPT_FEN)
  amountFen!: number;
}

export class CreateRedemptionDto {
  /** The code the consumer's mini-program shows (GET /api/members/me/code), as scanned. */
  @IsString()
  @Length(1, 64)
  memberCode!: string;

  /** The counter's receipt number: one redemption per (store, receiptNo). */
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_\-.:/]{0,63}$/, {
    message: 'receiptNo must be 1–64 letters, digits, _ - . : / (starting with a letter or digit)',
  })
  receiptNo!: string;

  @PositiveFen(MAX_RECEIPT_FEN)
  amountFen!: number;

  @NestedList(() => RedemptionLineDto, 200)
  lines?: RedemptionLineDto[];

  /** When the sale happened at the counter (ISO-8601 with offset); defaults to now. */
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'soldAt must carry a time zone offset' })
  soldAt?: string;
}
