import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { OrderChannel, OrderStatus } from '@guideshare/contracts';
import { RangeQuery } from '../common/range-query.js';
import { FulfilmentDto } from '../fulfilment/fulfilment.dto.js';

export class OrderLineDto {
  @IsUUID()
  skuId!: string;

  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;
}

export class CreateOrderDto {
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines!: OrderLineDto[];

  @IsOptional()
  @IsString()
  @Length(1, 64)
  shareCode?: string;

  @IsOptional()
  @IsUUID()
  liveId?: string;

  /** Delivery to an address or pickup at a store (API.md "Fulfilment"). */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FulfilmentDto)
  fulfilment?: FulfilmentDto;
}

export class ListOrdersQuery extends RangeQuery {
  @IsOptional()
  @IsIn(['PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED', 'COMPLETED'])
  status?: OrderStatus;

  @IsOptional()
  @IsIn(['online', 'store'])
  channel?: OrderChannel;

  @IsOptional()
  @IsUUID()
  guideId?: string;

  @IsOptional()
  @IsUUID()
  storeId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
