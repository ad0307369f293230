import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ORDER_STATUSES, type OrderChannel, type OrderStatus } from '@guideshare/contracts';
import { RangeQuery } from '../common/range-query.js';
import { FulfilmentDto } from '../fulfilment/fulfilment.dto.js';
import { OptionalNotNull } from '../common/validation.js';

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

  @OptionalNotNull()
  @IsString()
  @Length(1, 64)
  shareCode?: string;

  @OptionalNotNull()
  @IsUUID()
  liveId?: string;

  /** Delivery to an address or pickup at a store (docs/DOMAIN.md "Fulfilment"). */
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => FulfilmentDto)
  fulfilment?: FulfilmentDto;
}

/** The filters an order listing shares: the consumer's/guide's list here and the console's search. */
export class OrderFilterQuery extends RangeQuery {
  @OptionalNotNull()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @OptionalNotNull()
  @IsIn(['online', 'store'])
  channel?: OrderChannel;

  @OptionalNotNull()
  @IsUUID()
  guideId?: string;

  @OptionalNotNull()
  @IsUUID()
  storeId?: string;
}

export class ListOrdersQuery extends OrderFilterQuery {
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
