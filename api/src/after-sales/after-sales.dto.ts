import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { AfterSaleStatus } from '@guideshare/contracts';
import { OptionalNotNull } from '../common/validation.js';
// The lines of a request are the lines of the refund it becomes.
import { RefundLineDto } from '../refunds/refunds.dto.js';

/** `POST /api/orders/:id/after-sales`: some lines, or an amount, or (neither) everything still refundable. */
export class CreateAfterSaleDto {
  @OptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines?: RefundLineDto[];

  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amountFen?: number;

  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class RejectAfterSaleDto {
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ListAfterSalesQuery {
  @OptionalNotNull()
  @IsIn(['REQUESTED', 'APPROVED', 'REJECTED', 'REFUNDED'])
  status?: AfterSaleStatus;
}
