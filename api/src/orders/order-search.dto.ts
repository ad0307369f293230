import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import type { FulfilmentStatus, FulfilmentType, OrderChannel, OrderStatus } from '@guideshare/contracts';
import { RangeQuery } from '../common/range-query.js';

/** The console's order search: filters on the order's creation time (`from`, `to`), 1-based pages. */
export class OrderSearchQuery extends RangeQuery {
  @IsOptional()
  @IsIn(['PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED', 'COMPLETED'])
  status?: OrderStatus;

  @IsOptional()
  @IsIn(['online', 'store'])
  channel?: OrderChannel;

  @IsOptional()
  @IsUUID()
  storeId?: string;

  @IsOptional()
  @IsUUID()
  guideId?: string;

  @IsOptional()
  @IsUUID()
  memberId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  receiptNo?: string;

  /** The short order number a customer reads out. */
  @IsOptional()
  @Matches(/^\d{14}$/, { message: 'orderNo is 14 digits' })
  orderNo?: string;

  /** With `fulfilmentStatus`: e.g. `status=PAID&fulfilmentType=delivery&fulfilmentStatus=PENDING` is the to-ship queue. */
  @IsOptional()
  @IsIn(['delivery', 'pickup'])
  fulfilmentType?: FulfilmentType;

  @IsOptional()
  @IsIn(['PENDING', 'SHIPPED', 'READY_FOR_PICKUP', 'FULFILLED'])
  fulfilmentStatus?: FulfilmentStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
