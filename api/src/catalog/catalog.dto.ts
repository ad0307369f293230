import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
  IsUrl,
} from 'class-validator';

export class CreateCategoryDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  commissionRateBps?: number;
}

export class CreateSkuDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  priceFen!: number;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  stock!: number;
}

export class CreateProductDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsUUID()
  categoryId!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  commissionRateBps?: number;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: false })
  imageUrl?: string;

  @ValidateNested({ each: true })
  @Type(() => CreateSkuDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  skus!: CreateSkuDto[];
}
