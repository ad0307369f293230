import { IsISO8601 } from 'class-validator';
import { Between, FindOperator, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { OptionalNotNull } from './validation.js';

/** `?from&to` (ISO-8601 instants, both optional, inclusive). */
export class RangeQuery {
  @OptionalNotNull()
  @IsISO8601()
  from?: string;

  @OptionalNotNull()
  @IsISO8601()
  to?: string;
}

/** The TypeORM condition for a timestamp column within the range, or undefined for no bound. */
export function withinRange(range: RangeQuery): FindOperator<Date> | undefined {
  if (range.from && range.to) return Between(new Date(range.from), new Date(range.to));
  if (range.from) return MoreThanOrEqual(new Date(range.from));
  if (range.to) return LessThanOrEqual(new Date(range.to));
  return undefined;
}
