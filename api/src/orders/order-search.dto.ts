import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import type { FulfilmentStatus, FulfilmentType } from '@guideshare/contracts';
import { OptionalNotNull } from '../common/validation.js';
import { OrderFilterQuery } from './orders.dto.js';

/** The console's order search: filters on the order's creation time (`from`, `to`), 1-based pages. */
export class OrderSearchQuery extends OrderFilterQuery {
  @OptionalNotNull()
  @IsUUID()
  memberId?: string;

  @OptionalNotNull()
  @IsString()
  @Length(1, 64)
  receiptNo?: string;

  /** The short order number a customer reads out. */
  @OptionalNotNull()
  @Matches(/^\d{14}$/, { message: 'orderNo is 14 digits' })
  orderNo?: string;

  /** With `fulfilmentStatus`: e.g. `status=PAID&fulfilmentType=delivery&fulfilmentStatus=PENDING` is the to-ship queue. */
  @OptionalNotNull()
  @IsIn(['delivery', 'pickup'])
  fulfilmentType?: FulfilmentType;

  @OptionalNotNull()
  @IsIn(['PENDING', 'SHIPPED', 'READY_FOR_PICKUP', 'FULFILLED'])
  fulfilmentStatus?: FulfilmentStatus;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
