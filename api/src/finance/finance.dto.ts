import { Type } from 'class-transformer';
import {
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { RangeQuery } from '../common/range-query.js';
import { isBusinessDate, PERIOD } from '../common/business-time.js';
import { OptionalNotNull } from '../common/validation.js';

const MAX_FEN = 1_000_000_000;

/** A real calendar day YYYY-MM-DD (2026-02-30 is not one). */
@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isBusinessDate(value);
  }
  defaultMessage() {
    return '$property must be a calendar date YYYY-MM-DD';
  }
}

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

  @OptionalNotNull()
  @IsUUID()
  orderId?: string;
}

export class CloseSettlementDto {
  @IsString()
  @Matches(PERIOD, { message: 'period must be YYYY-MM (years 2000–2999)' })
  period!: string;
}

export class FetchBillDto {
  @IsString()
  @Validate(CalendarDate)
  billDate!: string;
}

/** `?guideId&from&to&limit`: adjustments by creation time, newest first (at most 500). */
export class ListAdjustmentsQuery extends RangeQuery {
  @OptionalNotNull()
  @IsUUID()
  guideId?: string;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
