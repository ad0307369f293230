import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, NotEquals } from 'class-validator';

const MAX_FEN = 1_000_000_000;

export class CreateAdjustmentDto {
  @IsUUID()
  guideId!: string;

  /** Signed fen: positive pays the guide more, negative takes back. Never 0. */
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_FEN)
  @Max(MAX_FEN)
  amountFen!: number;

  @IsString()
  @Length(1, 200)
  reason!: string;

  @IsOptional()
  @IsUUID()
  orderId?: string;
}

export class CloseSettlementDto {
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period!: string;
}

export class FetchBillDto {
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'billDate must be YYYY-MM-DD' })
  billDate!: string;
}
