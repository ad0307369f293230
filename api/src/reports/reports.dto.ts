import { IsUUID, Matches } from 'class-validator';
import { OptionalNotNull } from '../common/validation.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of business days in BUSINESS_TZ, both ends inclusive (defaults: this month to date). */
export class PeriodQueryDto {
  @OptionalNotNull()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @OptionalNotNull()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

export class GuideReportQueryDto extends PeriodQueryDto {
  @OptionalNotNull()
  @IsUUID()
  storeId?: string;
}
