import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { AfterSaleStatus } from '@guideshare/contracts';
import { OptionalNotNull } from '../common/validation.js';

export class AfterSaleLineDto {
  @IsUUID()
  lineId!: string;

  @IsInt()
  @Min(1)
  @Max(9999)
  quantity!: number;
}

/** `POST /api/orders/:id/after-sales`: some lines, or an amount, or (neither) everything still refundable. */
export class CreateAfterSaleDto {
  @OptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AfterSaleLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  lines?: AfterSaleLineDto[];

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
